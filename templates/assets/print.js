/* 印刷品：把字号整体放大或缩小到刚好放得满（在 data-min-fit 和 data-max-fit 之间），
   缩到最小还放不下时在屏幕上提醒（生成时已按最小字号估算过，正常不会出现）。
   build.py pdf 用同样的办法（fangzha/outputs/printkit/pdf.py）生成 PDF。
   在打印目录的缩略图框里打开时只显示纸面；地址以 #print 结尾时，排好后直接打开打印窗口。 */
(function () {
  "use strict";
  var root = document.documentElement;
  var main = document.getElementById("main");
  var warning = document.getElementById("fit-warning");
  var smallest = parseFloat(main.getAttribute("data-min-fit")) || 0.6;
  var largest = parseFloat(main.getAttribute("data-max-fit")) || 1;
  if (window.self !== window.top) root.classList.add("pr-preview");

  /* The files behind the boxes that spill over (data-source), each once; empty when all fit. */
  function spilling() {
    var boxes = document.querySelectorAll(".pr-fit"), sources = [];
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], source = box.getAttribute("data-source");
      if ((box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth) && sources.indexOf(source) < 0) {
        sources.push(source);
      }
    }
    return sources;
  }

  function fits(scale) {
    root.style.setProperty("--fit", String(scale));
    return spilling().length === 0;
  }

  /* The largest scale that still fits, by halving the interval; null when even the smallest spills over. */
  function fit() {
    var low = smallest, high = largest, scale = null;
    if (fits(high)) {
      scale = high;
    } else if (fits(low)) {
      for (var step = 0; step < 10; step++) {
        var middle = (low + high) / 2;
        if (fits(middle)) low = middle; else high = middle;
      }
      scale = low;
    }
    fits(scale === null ? smallest : scale);
    main.setAttribute("data-fit", scale === null ? "overflow" : String(Math.round(scale * 1000) / 1000));
    if (scale === null) document.getElementById("fit-source").textContent = spilling().join("、");
    warning.hidden = scale !== null;
  }

  fit();
  var ready = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
  ready.then(function () {
    fit();
    if (window.location.hash === "#print") window.print();
  });
  window.addEventListener("beforeprint", fit);
  var button = document.getElementById("print-now");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
