/* 班会课件的放映：按键、翻页笔、触摸、#页码、黑屏、全屏、讲者视图（S，另开窗口同步翻页）。
   在 deck-core.js 之后加载。 */
(function () {
  "use strict";
  var deck = window.FangzhaDeck;
  if (!deck || deck.root.getAttribute("data-mode") !== "present") { return; }
  var BAR_IDLE_MS = 3000;  // the bar hides this long after the mouse last moved
  var root = deck.root, stage = deck.stage, slides = deck.slides, state = deck.state;
  var show = deck.show, stepsOf = deck.stepsOf, pad = deck.pad;

  function startPresenting() {
    var presenter = /[?&]presenter\b/.test(location.search);
    var help = root.querySelector(".deck-help");
    var id = Math.random().toString(36).slice(2);
    var channel = makeChannel("fangzha-deck-" + (root.getAttribute("data-deck") || ""), receive);
    var helpOpener = null;

    function go(index, step, quiet) {
      show(index, step);
      if (deck.bar) { deck.bar.style.transform = "scaleX(" + (state.index + 1) / slides.length + ")"; }
      if (!presenter) {
        var hash = "#" + (state.index + 1);
        if (location.hash !== hash) { history.replaceState(null, "", hash); }
      }
      if (deck.afterShow) { deck.afterShow(); }
      if (!quiet) { channel.send({ type: "goto", from: id, index: state.index, step: state.step, blank: state.blank }); }
    }
    function next() {
      var slide = slides[state.index];
      if (state.step < stepsOf(slide)) { go(state.index, state.step + 1); }
      else if (state.index < slides.length - 1) { go(state.index + 1, 0); }
    }
    function prev() {
      if (state.step > 0) { go(state.index, state.step - 1); }
      else if (state.index > 0) { go(state.index - 1, stepsOf(slides[state.index - 1])); }
    }
    function setBlank(on, quiet) {
      state.blank = on;
      root.classList.toggle("is-blank", on);
      if (!quiet) { channel.send({ type: "goto", from: id, index: state.index, step: state.step, blank: on }); }
    }
    function toggleHelp() {
      if (!help) { return; }
      help.hidden = !help.hidden;
      if (!help.hidden) { helpOpener = document.activeElement; help.querySelector("button").focus(); }
      else if (helpOpener && helpOpener.focus) { helpOpener.focus(); }
    }
    function fullscreen() {
      var doc = document, el = doc.documentElement;
      if (doc.fullscreenElement || doc.webkitFullscreenElement) {
        (doc.exitFullscreen || doc.webkitExitFullscreen).call(doc);
      } else if (el.requestFullscreen) {
        var asked = el.requestFullscreen();
        if (asked && asked.catch) { asked.catch(function () { /* refused (e.g. not from a key press): stay windowed */ }); }
      } else if (el.webkitRequestFullscreen) {
        el.webkitRequestFullscreen();
      }
    }
    function openPresenter() {
      var url = location.href.split("#")[0].split("?")[0] + "?presenter#" + (state.index + 1);
      window.open(url, "fangzha-presenter-" + (root.getAttribute("data-deck") || ""), "width=1280,height=800");
    }
    function receive(message) {
      if (!message || message.from === id) { return; }
      if (message.type === "hello") {
        channel.send({ type: "goto", from: id, index: state.index, step: state.step, blank: state.blank });
      } else if (message.type === "goto") {
        if (message.index !== state.index || message.step !== state.step) { go(message.index, message.step, true); }
        if (message.blank !== state.blank) { setBlank(message.blank, true); }
      }
    }
    deck.next = next;
    deck.prev = prev;

    var actions = {
      next: next, prev: prev, help: toggleHelp, fullscreen: fullscreen, presenter: openPresenter,
      first: function () { go(0, 0); },
      last: function () { go(slides.length - 1, 0); },
      blank: function () { setBlank(!state.blank); },
      restart: function () { timerStart = Date.now(); tickTimer(); }
    };
    var keys = {
      ArrowRight: "next", ArrowDown: "next", PageDown: "next", " ": "next", Spacebar: "next", Enter: "next", n: "next",
      ArrowLeft: "prev", ArrowUp: "prev", PageUp: "prev", Backspace: "prev", p: "prev",
      Home: "first", End: "last", b: "blank", B: "blank", ".": "blank", f: "fullscreen", F: "fullscreen",
      s: "presenter", S: "presenter", "?": "help", h: "help"
    };
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.altKey || event.metaKey) { return; }
      if (help && !help.hidden) {
        if (event.key === "Escape" || event.key === "?" || event.key === "h") { event.preventDefault(); toggleHelp(); }
        return;
      }
      var name = keys[event.key];
      if (name === "presenter" && presenter) { return; }
      if (name === "next" && event.shiftKey && event.key === " ") { name = "prev"; }
      if (event.key === "Enter" && event.target.closest && event.target.closest("button, a")) { return; }
      if (event.key === "Escape" && state.blank) { name = "blank"; }
      if (!name) { return; }
      event.preventDefault();
      actions[name]();
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-action]") : null;
      if (button) {
        // A button pressed with the mouse gives its focus back, so the clicker's keys keep turning pages
        // and the bar can hide again; one reached with Tab keeps it (event.detail is 0 for keys).
        if (event.detail > 0 && button.blur) { button.blur(); }
        actions[button.getAttribute("data-action")]();
        return;
      }
      if (event.target.closest && event.target.closest("a, .deck-help, .presenter-notes, .presenter-top")) { return; }
      if (state.blank) { setBlank(false); return; }
      if (presenter) { return; }
      // On a whiteboard: a tap on the left quarter goes back, anywhere else goes on.
      if (event.clientX < window.innerWidth / 4) { prev(); } else { next(); }
    });
    var touchX = null, touchY = null;
    root.addEventListener("touchstart", function (event) {
      if (event.touches.length === 1) { touchX = event.touches[0].clientX; touchY = event.touches[0].clientY; }
    }, { passive: true });
    root.addEventListener("touchend", function (event) {
      if (touchX === null) { return; }
      var dx = event.changedTouches[0].clientX - touchX, dy = event.changedTouches[0].clientY - touchY;
      touchX = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
        event.preventDefault();  // a swipe is not also a tap
        if (dx < 0) { next(); } else { prev(); }
      }
    });
    window.addEventListener("hashchange", function () {
      var wanted = hashIndex();
      if (wanted !== null && wanted !== state.index) { go(wanted, 0); }
    });

    var timerStart = Date.now(), timerText = null;
    function tickTimer() {
      if (!timerText) { return; }
      var seconds = Math.floor((Date.now() - timerStart) / 1000);
      timerText.textContent = deck.say("elapsed", "已用时 {time}", { time: pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60) });
    }
    if (presenter) {
      timerText = buildPresenter();
      setInterval(tickTimer, 1000);
      tickTimer();
    }
    hideBarWhenIdle();
    var start = hashIndex();
    go(start === null ? 0 : start, 0, true);
    deck.layout();
    if (presenter) { channel.send({ type: "hello", from: id }); }
  }

  /* The control bar is for the teacher, not the class: a few seconds after the mouse last moved it
     fades out (and the pointer with it). Moving the mouse or touching the screen brings it back, and so
     does Tab: while a key has put the focus on one of its buttons it stays. */
  function hideBarWhenIdle() {
    var bar = root.querySelector(".deck-bar"), idle = null;
    if (!bar || bar.hidden) { return; }
    function focusedInBar() { return bar.contains(document.activeElement) && document.activeElement !== bar; }
    function wake() {
      root.classList.remove("is-idle");
      clearTimeout(idle);
      idle = setTimeout(function () {
        if (!focusedInBar()) { root.classList.add("is-idle"); }
      }, BAR_IDLE_MS);
    }
    document.addEventListener("mousemove", wake);
    document.addEventListener("touchstart", wake, { passive: true });
    bar.addEventListener("focusin", wake);
    bar.addEventListener("focusout", wake);
    wake();
  }

  function hashIndex() {
    var match = /^#(\d+)$/.exec(location.hash);
    if (!match) { return null; }
    var n = parseInt(match[1], 10) - 1;
    return n >= 0 && n < slides.length ? n : null;
  }

  /* Presenter window: the stage moves into a panel; a copy of the next slide sits beside it. */
  function buildPresenter() {
    root.classList.add("is-presenter");
    document.title = deck.say("presenter", "讲者视图 · {title}", { title: document.title });
    var panel = document.createElement("div");
    panel.className = "presenter";
    panel.innerHTML =
      '<div class="presenter-top"><span class="presenter-timer" role="timer"></span>' +
      '<span class="presenter-now"></span>' +
      '<button type="button" class="deck-btn" data-action="prev"></button>' +
      '<button type="button" class="deck-btn" data-action="next"></button>' +
      '<button type="button" class="deck-btn" data-action="blank"></button>' +
      '<button type="button" class="deck-btn" data-action="restart"></button></div>' +
      '<div class="presenter-box presenter-current"><span class="presenter-label"></span></div>' +
      '<div class="presenter-box presenter-next"><span class="presenter-label"></span></div>' +
      '<div class="presenter-notes" aria-live="polite"></div>';
    root.appendChild(panel);
    var labels = { prev: "上一步", next: "下一步", blank: "黑屏（B）", restart: "重新计时" };
    Object.keys(labels).forEach(function (action) {  /* set as text: a translation is never read as markup */
      panel.querySelector('.presenter-top [data-action="' + action + '"]').textContent = deck.say(action, labels[action]);
    });
    panel.querySelector(".presenter-current .presenter-label").textContent = deck.say("current", "当前");
    panel.querySelector(".presenter-next .presenter-label").textContent = deck.say("coming", "下一页");
    var current = panel.querySelector(".presenter-current");
    var nextBox = panel.querySelector(".presenter-next");
    var notes = panel.querySelector(".presenter-notes");
    var now = panel.querySelector(".presenter-now");
    current.appendChild(stage);
    deck.box = current;
    var nextStage = stage.cloneNode(false);
    nextStage.removeAttribute("style");
    nextBox.appendChild(nextStage);
    var bar = stage.querySelector(".deck-bar");
    if (bar) { bar.hidden = true; }
    deck.afterShow = function () {
      var slide = slides[state.index];
      var source = slide.querySelector(".notes");
      notes.innerHTML = source ? source.innerHTML : "";
      if (!notes.textContent.trim()) { notes.textContent = deck.say("no_notes", "（这一页没有讲解提示）"); }
      var steps = stepsOf(slide);
      now.textContent = deck.say("slide_of", "第 {number} / {count} 页", { number: state.index + 1, count: slides.length }) +
        (steps ? (state.step < steps ? deck.say("answer_hidden", "（答案未显示）") : deck.say("answer_shown", "（答案已显示）")) : "");
      while (nextStage.firstChild) { nextStage.removeChild(nextStage.firstChild); }
      var following = steps && state.step < steps ? slide : slides[state.index + 1];
      if (following) {
        var copy = following.cloneNode(true);
        copy.removeAttribute("id");
        copy.classList.add("is-current");
        copy.setAttribute("data-step", following === slide ? String(steps) : "0");
        nextStage.appendChild(copy);
      } else {
        nextStage.textContent = deck.say("last", "（最后一页）");
      }
    };
    deck.afterLayout = function () { deck.scaleStage(nextStage, nextBox, 0); };
    return panel.querySelector(".presenter-timer");
  }

  /* Audience and presenter windows talk through BroadcastChannel, or storage events in older browsers. */
  function makeChannel(name, onMessage) {
    if (typeof BroadcastChannel === "function") {
      var bc = new BroadcastChannel(name);
      bc.onmessage = function (event) { onMessage(event.data); };
      return { send: function (message) { bc.postMessage(message); } };
    }
    window.addEventListener("storage", function (event) {
      if (event.key === name && event.newValue) {
        try { onMessage(JSON.parse(event.newValue)); } catch (e) { /* a half-written value: ignore */ }
      }
    });
    var seq = 0;
    return {
      send: function (message) {
        message.seq = ++seq + Math.random();
        try { localStorage.setItem(name, JSON.stringify(message)); } catch (e) { /* storage off: single window only */ }
      }
    };
  }

  startPresenting();
})();
/* fangzha:end */
