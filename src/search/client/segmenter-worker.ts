/**
 * Started by boot.ts when a search box first gets focus (or at once on the search page),
 * and ends at once: it only builds an Intl.Segmenter. Pagefind (1.6) builds one at each
 * search; the first in a page loads the browser's text-segmentation rules (ICU), which
 * took about 220 ms of the main thread at 4× CPU, a fifth of a cold first query. The
 * rules are kept for the whole renderer process, so once this worker has loaded them,
 * off the main thread, the page's first search builds its Segmenter in under 2 ms.
 */
new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment('tìm kiếm');
close();
