// Intl's first formatter of a kind loads its language's data: a tenth of a second and more on a
// phone, which the console's home would spend in its first render (the date) and the render of
// its first figures (numbers). This small script, loaded async from index.html, does it while the
// console's scripts are still downloading; shared/format.ts's formatters then come cheap. The
// language is the one app/i18n reads (shared/i18n/locale.ts: localStorage 'kewo.locale').
(() => {
  try {
    const locale = localStorage.getItem('kewo.locale') === 'en' ? 'en' : 'zh-CN';
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Asia/Shanghai' }).format(new Date());
    new Intl.NumberFormat(locale).format(0);
  } catch {
    // Only a head start: the app makes its formatters either way.
  }
})();
