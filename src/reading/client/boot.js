/*
 * Runs in <head>, before the page is painted: a classic, blocking external script (the
 * CSP allows 'self', and it is the one script that must block, so that there is no flash
 * of the wrong theme or size). It marks that scripts run (class "js") and applies the
 * reader's saved settings as attributes of <html>. Keys and values must match
 * src/reading/settings.ts (checked by tests/unit/reading-settings.test.ts).
 */
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var allowed = {
    'reading.theme': ['data-theme', ['light', 'dark', 'sepia']],
    'reading.size': ['data-text-size', ['1', '2', '3']],
    'reading.leading': ['data-leading', ['wide']],
  };
  try {
    for (var key in allowed) {
      var value = window.localStorage.getItem(key);
      if (value && allowed[key][1].indexOf(value) >= 0) root.setAttribute(allowed[key][0], value);
    }
  } catch (e) {
    // Storage may be unavailable (private mode, blocked): the defaults apply.
  }
})();
