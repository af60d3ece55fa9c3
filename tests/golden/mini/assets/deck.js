/* 班会课件和大屏轮播共用的放映程序。
   普通脚本（不用模块、不需要构建），从 U 盘用 file:// 打开即可运行，不发出任何网络请求
   （只有大屏页面在 http(s) 上时，才定时读取同一文件夹里的 version.txt）。
   课件：<div class="deck" data-mode="present">；大屏：<div class="deck kiosk" data-mode="loop">。 */
(function () {
  "use strict";
  var root = document.querySelector(".deck[data-mode]");
  if (!root) { return; }
  var stage = root.querySelector(".deck-stage");
  var slides = Array.prototype.slice.call(stage.querySelectorAll(".slide"));
  var bar = root.querySelector(".deck-progress > span");
  var counter = root.querySelector(".deck-now");
  var mode = root.getAttribute("data-mode");
  var state = { index: 0, step: 0, blank: false };
  var api = window.FangzhaDeck = { hooks: {}, state: state, slides: slides };
  var box = null;  // where the stage is drawn: the window, or a presenter panel

  function px(name) { return parseFloat(getComputedStyle(root).getPropertyValue(name)) || 0; }
  function stepsOf(slide) { return parseInt(slide.getAttribute("data-steps") || "0", 10) || 0; }

  /* ---- Shared: draw the fixed canvas as large as the screen allows, centred (letterboxed). */
  var shift = [0, 0];
  function scaleStage(target, into, margin) {
    var w = px("--w"), h = px("--h");
    var rect = into ? into.getBoundingClientRect() : { width: window.innerWidth, height: window.innerHeight };
    var scale = Math.min((rect.width - 2 * margin) / w, (rect.height - 2 * margin) / h);
    var x = (rect.width - w * scale) / 2 + shift[0], y = (rect.height - h * scale) / 2 + shift[1];
    target.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
  }
  function layout() {
    if (mode === "loop") { chooseOrientation(); }
    scaleStage(stage, box, mode === "loop" ? 8 : 0);
    if (api.afterLayout) { api.afterLayout(); }
  }
  window.addEventListener("resize", layout);

  /* Last line of defence: if a font makes text longer than the build estimated, shrink that slide a little. */
  function shrinkToFit(slide) {
    var fit = 1;
    slide.style.removeProperty("--fit");
    while (slide.scrollHeight > slide.clientHeight + 1 && fit > 0.6) {
      fit -= 0.05;
      slide.style.setProperty("--fit", fit.toFixed(2));
    }
    slide.setAttribute("data-fit", fit.toFixed(2));
  }

  /* ---- Shared: show one slide (and how far into its steps). */
  function show(index, step) {
    var previous = slides[state.index];
    index = Math.max(0, Math.min(slides.length - 1, index));
    var slide = slides[index];
    step = Math.max(0, Math.min(stepsOf(slide), step || 0));
    if (previous && previous !== slide) {
      previous.classList.remove("is-current");
      previous.removeAttribute("data-step");
    }
    slide.classList.add("is-current");
    slide.setAttribute("data-step", String(step));
    state.index = index;
    state.step = step;
    if (!slide.hasAttribute("data-fit")) { shrinkToFit(slide); }
    if (counter) { counter.textContent = String(index + 1); }
    if (bar && mode !== "loop") { bar.style.transform = "scaleX(" + (index + 1) / slides.length + ")"; }
  }
  api.show = show;

  function chooseOrientation() {
    var portrait = window.innerHeight > window.innerWidth;
    var wanted = portrait ? "portrait" : "landscape";
    if (root.getAttribute("data-orientation") !== wanted) {
      root.setAttribute("data-orientation", wanted);
      slides.forEach(function (s) { s.removeAttribute("data-fit"); s.style.removeProperty("--fit"); });
      if (slides[state.index]) { shrinkToFit(slides[state.index]); }
    }
  }

  if (mode === "loop") { startLoop(); } else { startPresenting(); }

  /* ================= Presenting: keys, clicker, touch, hash, blank, full screen, presenter view. */
  function startPresenting() {
    var presenter = /[?&]presenter\b/.test(location.search);
    var help = root.querySelector(".deck-help");
    var id = Math.random().toString(36).slice(2);
    var channel = makeChannel("fangzha-deck-" + (root.getAttribute("data-deck") || ""), receive);
    var helpOpener = null;

    function go(index, step, quiet) {
      show(index, step);
      if (!presenter) {
        var hash = "#" + (state.index + 1);
        if (location.hash !== hash) { history.replaceState(null, "", hash); }
      }
      if (api.afterShow) { api.afterShow(); }
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
    api.next = next;
    api.prev = prev;

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
      if (button) { actions[button.getAttribute("data-action")](); return; }
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
      timerText.textContent = "已用时 " + pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
    }
    if (presenter) {
      timerText = buildPresenter();
      setInterval(tickTimer, 1000);
      tickTimer();
    }
    var start = hashIndex();
    go(start === null ? 0 : start, 0, true);
    layout();
    if (presenter) { channel.send({ type: "hello", from: id }); }
  }

  function hashIndex() {
    var match = /^#(\d+)$/.exec(location.hash);
    if (!match) { return null; }
    var n = parseInt(match[1], 10) - 1;
    return n >= 0 && n < slides.length ? n : null;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* Presenter window: the stage moves into a panel; a copy of the next slide sits beside it. */
  function buildPresenter() {
    root.classList.add("is-presenter");
    document.title = "讲者视图 · " + document.title;
    var panel = document.createElement("div");
    panel.className = "presenter";
    panel.innerHTML =
      '<div class="presenter-top"><span class="presenter-timer" role="timer"></span>' +
      '<span class="presenter-now"></span>' +
      '<button type="button" class="deck-btn" data-action="prev">上一步</button>' +
      '<button type="button" class="deck-btn" data-action="next">下一步</button>' +
      '<button type="button" class="deck-btn" data-action="blank">黑屏（B）</button>' +
      '<button type="button" class="deck-btn" data-action="restart">重新计时</button></div>' +
      '<div class="presenter-box presenter-current"><span class="presenter-label">当前</span></div>' +
      '<div class="presenter-box presenter-next"><span class="presenter-label">下一页</span></div>' +
      '<div class="presenter-notes" aria-live="polite"></div>';
    root.appendChild(panel);
    var current = panel.querySelector(".presenter-current");
    var nextBox = panel.querySelector(".presenter-next");
    var notes = panel.querySelector(".presenter-notes");
    var now = panel.querySelector(".presenter-now");
    current.appendChild(stage);
    box = current;
    var nextStage = stage.cloneNode(false);
    nextStage.removeAttribute("style");
    nextBox.appendChild(nextStage);
    var bar = stage.querySelector(".deck-bar");
    if (bar) { bar.hidden = true; }
    api.afterShow = function () {
      var slide = slides[state.index];
      var source = slide.querySelector(".notes");
      notes.innerHTML = source ? source.innerHTML : "";
      if (!notes.textContent.trim()) { notes.textContent = "（这一页没有讲解提示）"; }
      var steps = stepsOf(slide);
      now.textContent = "第 " + (state.index + 1) + " / " + slides.length + " 页" +
        (steps ? (state.step < steps ? "（答案未显示）" : "（答案已显示）") : "");
      while (nextStage.firstChild) { nextStage.removeChild(nextStage.firstChild); }
      var following = steps && state.step < steps ? slide : slides[state.index + 1];
      if (following) {
        var copy = following.cloneNode(true);
        copy.removeAttribute("id");
        copy.classList.add("is-current");
        copy.setAttribute("data-step", following === slide ? String(steps) : "0");
        nextStage.appendChild(copy);
      } else {
        nextStage.textContent = "（最后一页）";
      }
    };
    api.afterLayout = function () { scaleStage(nextStage, nextBox, 0); };
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

  /* ================= Loop (kiosk): advances by itself forever; nothing is created as it goes. */
  function startLoop() {
    var fallback = stage.querySelector(".slide-fallback");
    var items = slides.filter(function (s) { return s !== fallback; });
    var clock = root.querySelector(".kiosk-clock");
    var version = root.getAttribute("data-version");
    var night = parseHours(root.getAttribute("data-night") || "");
    var checkMs = (parseFloat(root.getAttribute("data-check-minutes")) || 5) * 60000;
    var shiftMs = (parseFloat(root.getAttribute("data-shift-minutes")) || 3) * 60000;
    var offsets = [[0, 0], [5, 3], [-4, 5], [3, -5], [-5, -3], [4, 4], [-3, -4]];
    var shiftIndex = 0, position = -1, timer = null, checking = false;
    var WEEK = "日一二三四五六";

    if (root.getAttribute("data-night-mode") === "dim") { root.classList.add("night-dim"); }
    items.forEach(function (item) {
      item.fangzhaWindow = { from: item.getAttribute("data-from") || "", until: item.getAttribute("data-until") || "",
                             hours: parseHours(item.getAttribute("data-hours") || "") };
    });

    function today(now) { return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()); }
    function eligible(item, now) {
      var w = item.fangzhaWindow, day = today(now);
      if (w.from && day < w.from) { return false; }
      if (w.until && day > w.until) { return false; }
      return !w.hours || inHours(w.hours, now);
    }
    function runHook(item) {
      var name = item.getAttribute("data-hook");
      if (name) {
        if (typeof api.hooks[name] !== "function") { throw new Error("没有名为 " + name + " 的轮播脚本"); }
        api.hooks[name](item);
      }
    }
    function restartProgress(seconds) {
      if (!bar) { return; }
      bar.style.transition = "none";
      bar.style.transform = "scaleX(0)";
      void bar.offsetWidth;  // let the browser see the reset before the new transition starts
      bar.style.transition = "transform " + seconds + "s linear";
      bar.style.transform = "scaleX(1)";
    }
    /* Show the next item whose windows are open; an item whose script fails is skipped. */
    function advance() {
      var now = new Date(), seconds = 0;
      try {
        updateClock(now);
        root.classList.toggle("is-night", !!night && inHours(night, now));
        for (var tries = 0; tries < items.length && !seconds; tries += 1) {
          position = (position + 1) % items.length;
          var item = items[position];
          if (!eligible(item, now)) { continue; }
          try {
            show(slides.indexOf(item), 0);
            runHook(item);
            seconds = parseFloat(item.getAttribute("data-seconds")) || 15;
          } catch (error) {
            item.classList.remove("is-current");
            if (window.console) { console.warn("跳过出错的一屏：", item.id, error && error.message); }
          }
        }
        if (!seconds) {  // nothing may show right now: the standing card with the numbers to call
          position = -1;
          show(slides.indexOf(fallback), 0);
          seconds = parseFloat(fallback.getAttribute("data-seconds")) || 60;
        }
        restartProgress(seconds);
        api.position = position;
        api.shown = (api.shown || 0) + 1;
      } finally {
        timer = setTimeout(advance, (seconds || 15) * 1000);
      }
    }
    function updateClock(now) {
      if (clock) {
        clock.textContent = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日　星期" +
          WEEK.charAt(now.getDay()) + "　" + pad(now.getHours()) + ":" + pad(now.getMinutes());
      }
    }
    function tickClock() {
      var now = new Date();
      updateClock(now);
      root.classList.toggle("is-night", !!night && inHours(night, now));
      setTimeout(tickClock, 60000 - (now.getTime() % 60000) + 50);
    }
    function moveALittle() {  // burn-in care: never leave the same pixels lit for days
      shiftIndex = (shiftIndex + 1) % offsets.length;
      shift = offsets[shiftIndex];
      scaleStage(stage, null, 8);
    }

    /* Over http(s): reload only when a newer complete build has answered; otherwise keep looping. */
    function checkVersion() {
      if (checking || !window.fetch) { return; }
      checking = true;
      var here = location.href.split("#")[0].split("?")[0];
      fetchText(new URL("version.txt", here).href).then(function (text) {
        var latest = text.trim();
        if (!/^[0-9a-f]{8,64}$/.test(latest) || latest === version) { return null; }
        return fetchText(here).then(function (page) {
          if (page.indexOf('data-version="' + latest + '"') < 0) { throw new Error("页面与版本号不一致"); }
          var assets = Array.prototype.map.call(document.querySelectorAll("link[rel=stylesheet], script[src]"),
            function (el) { return fetchText(el.href || el.src); });
          return Promise.all(assets);
        }).then(function () { location.reload(); });
      }).catch(function () { /* server or network gone: keep showing what we have */ })
        .then(function () { checking = false; });
    }
    function fetchText(url) {
      var separator = url.indexOf("?") < 0 ? "?" : "&";
      return fetch(url + separator + "t=" + Date.now(), { cache: "no-store" }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      });
    }

    api.checkVersion = checkVersion;
    window.addEventListener("error", function () { /* an item's script error must not stop the loop */ });
    layout();
    advance();
    tickClock();
    setInterval(moveALittle, shiftMs);
    if (/^https?:$/.test(location.protocol)) { setInterval(checkVersion, checkMs); }
  }

  /* "08:00-18:00" → [480, 1080] in minutes; a window may run past midnight ("22:00-06:00"). */
  function parseHours(text) {
    var match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.replace(/\s/g, ""));
    if (!match) { return null; }
    return [match[1] * 60 + +match[2], match[3] * 60 + +match[4]];
  }
  function inHours(hours, now) {
    var minute = now.getHours() * 60 + now.getMinutes();
    return hours[0] <= hours[1] ? minute >= hours[0] && minute < hours[1] : minute >= hours[0] || minute < hours[1];
  }
})();
