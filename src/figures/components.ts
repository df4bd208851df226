/**
 * The data components a chapter's MDX may use on a line of their own (see
 * FIGURE_COMPONENTS in src/figures/figures.ts): pass them to <Content components={…} />
 * wherever a chapter is rendered.
 */
import DataChart from './DataChart.astro';
import IndicatorTable from './IndicatorTable.astro';

export const figureComponents = { DataChart, IndicatorTable };
