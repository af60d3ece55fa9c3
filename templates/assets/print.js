/* 印刷品：每一块区域的字号生成时已经算好（--fit）；万一这台电脑的字体比估计的宽、某一块放不下，
   这里把那一块的字缩小一点（不小于 data-min-fit），还放不下就在屏幕上提醒。
   地址里带 ?mono（或点“黑白版”）显示黑白版；带 ?print 时排好后直接打开打印窗口。
   build.py pdf 用同样的字号生成 PDF（fangzha/outputs/printkit/pdf.py）。 */
(function () {
  "use strict";
  /* A word the script writes: the site's language from assets/words.js, else simplified Chinese as written here. */
  function say(key, fallback, values) {
    var word = (window.fangzhaWords || {})[key] || fallback;
    return word.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  var root = document.documentElement;
  var main = document.getElementById("main");
  var warning = document.getElementById("fit-warning");
  var smallest = parseFloat(main.getAttribute("data-min-fit")) || 0.6;
  var query = window.location.search;
  if (window.self !== window.top) root.classList.add("pr-preview");
  if (/[?&]mono\b/.test(query)) root.classList.add("pr-mono");

  function spills(region) {
    return region.scrollHeight > region.clientHeight + 1 || region.scrollWidth > region.clientWidth + 1;
  }

  /* Each region that spills over: a little smaller until it fits, never below the smallest type. */
  function fit() {
    var regions = document.querySelectorAll(".pr-region:not(.pr-fixed)"), sources = [];
    for (var i = 0; i < regions.length; i++) {
      var region = regions[i];
      var scale = parseFloat(getComputedStyle(region).getPropertyValue("--fit")) || 1;
      while (spills(region) && scale > smallest) {
        scale = Math.max(smallest, scale - 0.02);
        region.style.setProperty("--fit", scale.toFixed(3));
      }
    }
    var all = document.querySelectorAll(".pr-region");
    for (var j = 0; j < all.length; j++) {
      var source = all[j].getAttribute("data-source");
      if (spills(all[j]) && sources.indexOf(source) < 0) sources.push(source);
    }
    main.setAttribute("data-fit", sources.length ? "overflow" : "ok");
    if (sources.length) document.getElementById("fit-source").textContent = sources.join(say("list", "、"));
    warning.hidden = sources.length === 0;
  }

  var mono = document.getElementById("mono-toggle");
  function showMono() { if (mono) mono.setAttribute("aria-pressed", String(root.classList.contains("pr-mono"))); }
  if (mono) mono.addEventListener("click", function () { root.classList.toggle("pr-mono"); showMono(); });
  showMono();

  fit();
  var ready = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
  ready.then(function () {
    fit();
    if (/[?&]print\b/.test(query)) window.print();
  });
  window.addEventListener("beforeprint", fit);
  var button = document.getElementById("print-now");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
