/**
 * html-validate's configuration for the built pages (tests/e2e/html-validity.test.ts;
 * also `npx html-validate dist`): the recommended preset, with only the rules turned off
 * or narrowed that conflict with deliberate, valid choices of the site.
 * @type {import('html-validate').ConfigData}
 */
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The tables of figures and targets (IndicatorTable.astro, /so-lieu/) restore their
    // table roles explicitly: on narrow screens their CSS lays rows out as blocks and
    // grids, and browsers then drop the implicit table semantics unless the roles are set.
    'no-redundant-role': ['error', { exclude: ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell'] }],
    // A wide table sits in a focusable, labelled <div role="region"> so that keyboard users
    // can scroll it; a <section> there would add an entry to the page's outline.
    // The header's search box is an ARIA combobox (src/search/client/combobox.ts): its
    // suggestions are a role="listbox" of links and passages, which a native <select> cannot hold.
    'prefer-native-element': ['error', { exclude: ['region', 'listbox'] }],
    // A chapter's title is its heading in the report's own words, which the site does not
    // shorten, then the report's short title: "I.4. Cải cách hành chính, nâng cao hiệu lực,
    // hiệu quả quản lý nhà nước · Báo cáo KT-XH 2023 và kế hoạch 2024" is 108 characters.
    // The preset's limit of 70 is a search-result display heuristic, not validity.
    'long-title': 'off',
  },
};
