/* 班会课件和大屏轮播共用的放映核心：把固定大小的画布按屏幕等比缩放，显示某一页。
   普通脚本（不用模块、不需要构建），从 U 盘用 file:// 打开即可运行，不发出任何网络请求。
   按顺序加载：deck-core.js，再加 deck-present.js（课件）或 deck-loop.js（大屏轮播）。 */
(function () {
  "use strict";
  var root = document.querySelector(".deck[data-mode]");
  if (!root) { return; }
  var stage = root.querySelector(".deck-stage");
  var slides = Array.prototype.slice.call(stage.querySelectorAll(".slide"));
  var counter = root.querySelector(".deck-now");
  var bar = root.querySelector(".deck-progress > span");
  var state = { index: 0, step: 0, blank: false };
  var deck = window.FangzhaDeck = {
    root: root, stage: stage, slides: slides, state: state, bar: bar,
    box: null,        // where the stage is drawn: the window, or a presenter panel
    margin: 0,        // px left round the canvas (the loop keeps a little for the burn-in shift)
    shift: [0, 0],    // burn-in care: the loop moves the picture a few pixels now and then
    beforeLayout: null, afterLayout: null, afterShow: null
  };

  function px(name) { return parseFloat(getComputedStyle(root).getPropertyValue(name)) || 0; }
  /* A word the deck scripts write: the site's language from assets/words.js, else simplified Chinese as written. */
  deck.say = function (key, fallback, values) {
    var word = (window.fangzhaWords || {})[key] || fallback;
    return word.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  };
  deck.stepsOf = function (slide) { return parseInt(slide.getAttribute("data-steps") || "0", 10) || 0; };
  deck.pad = function (n) { return (n < 10 ? "0" : "") + n; };

  /* Draw the fixed canvas as large as the screen (or panel) allows, centred (letterboxed). */
  deck.scaleStage = function (target, into, margin) {
    var w = px("--w"), h = px("--h");
    var rect = into ? into.getBoundingClientRect() : { width: window.innerWidth, height: window.innerHeight };
    var scale = Math.min((rect.width - 2 * margin) / w, (rect.height - 2 * margin) / h);
    var x = (rect.width - w * scale) / 2 + deck.shift[0], y = (rect.height - h * scale) / 2 + deck.shift[1];
    target.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
  };
  deck.layout = function () {
    if (deck.beforeLayout) { deck.beforeLayout(); }
    deck.scaleStage(stage, deck.box, deck.margin);
    if (deck.afterLayout) { deck.afterLayout(); }
  };
  window.addEventListener("resize", deck.layout);

  /* Last line of defence: if a font makes text longer than the build estimated, shrink that slide a little. */
  deck.shrinkToFit = function (slide) {
    var fit = 1;
    slide.style.removeProperty("--fit");
    while (slide.scrollHeight > slide.clientHeight + 1 && fit > 0.6) {
      fit -= 0.05;
      slide.style.setProperty("--fit", fit.toFixed(2));
    }
    slide.setAttribute("data-fit", fit.toFixed(2));
  };

  /* Show one slide of deck.slides (and how far into its steps). The kiosk loop changes deck.slides to
     the screens of the screen's orientation. */
  deck.show = function (index, step) {
    var shown = deck.slides, previous = shown[state.index];
    index = Math.max(0, Math.min(shown.length - 1, index));
    var slide = shown[index];
    step = Math.max(0, Math.min(deck.stepsOf(slide), step || 0));
    if (previous && previous !== slide) {
      previous.classList.remove("is-current");
      previous.removeAttribute("data-step");
    }
    slide.classList.add("is-current");
    slide.setAttribute("data-step", String(step));
    state.index = index;
    state.step = step;
    if (!slide.hasAttribute("data-fit")) { deck.shrinkToFit(slide); }
    if (counter) { counter.textContent = String(index + 1); }
  };
})();
/* fangzha:end */
