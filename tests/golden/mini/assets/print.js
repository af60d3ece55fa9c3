/* 印刷品：把字号整体缩小到刚好放得下（不低于 data-min-fit），放不下时在屏幕上提醒。
   build.py pdf 用同样的办法（fangzha/pdf.py）生成 PDF。 */
(function () {
  "use strict";
  var root = document.documentElement;
  var main = document.getElementById("main");
  var warning = document.getElementById("fit-warning");
  var smallest = parseFloat(main.getAttribute("data-min-fit")) || 0.6;

  function overflowing() {
    var boxes = document.querySelectorAll(".pr-fit");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) return true;
    }
    return false;
  }

  function use(scale) {
    root.style.setProperty("--fit", String(scale));
  }

  function fit() {
    var scale = 1;  // null: still too long at the smallest size
    use(1);
    if (overflowing()) {
      var low = smallest, high = 1;
      use(low);
      if (overflowing()) {
        scale = null;
      } else {
        for (var step = 0; step < 9; step++) {  // halve the interval: precise to about 0.1%
          var middle = (low + high) / 2;
          use(middle);
          if (overflowing()) high = middle; else low = middle;
        }
        scale = low;
      }
      use(scale === null ? smallest : scale);
    }
    main.setAttribute("data-fit", scale === null ? "overflow" : String(Math.round(scale * 1000) / 1000));
    warning.hidden = scale !== null;
  }

  fit();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);
  window.addEventListener("beforeprint", fit);
  var button = document.getElementById("print-now");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
