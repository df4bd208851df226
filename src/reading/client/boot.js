// Blocking, in <head>: applies saved reading settings before first paint (see src/reading/settings.ts).
(function (d, k, a, i, v) {
  d.classList.add('js');
  a = { 'reading.theme': ['data-theme', 'light dark sepia'], 'reading.size': ['data-text-size', '1 2 3'], 'reading.leading': ['data-leading', 'wide'] };
  try {
    for (k in a) {
      v = localStorage.getItem(k);
      if (v && a[k][1].split(' ').indexOf(v) >= 0) d.setAttribute(a[k][0], v);
    }
  } catch (e) {}
})(document.documentElement);
