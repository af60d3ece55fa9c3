/* 大屏轮播：一屏接一屏自动播放，永不停止；日期和时段窗口、夜间、防烧屏、时钟。
   放在网站上（http/https）播放时，定时读取 version.txt；有完整的新版本时，先在隐藏的框架里把新版本
   打开，等它真的开始播放了才换上去；新版本打不开（服务器停了、只传了一半），就继续播放原来的。
   在 deck-core.js 之后加载。 */
(function () {
  "use strict";
  var deck = window.FangzhaDeck;
  if (!deck || deck.root.getAttribute("data-mode") !== "loop") { return; }
  var root = deck.root, stage = deck.stage, every = deck.slides.slice(), pad = deck.pad;
  var framed = window.parent !== window;  // a new version being tried out by the page that shows the old one
  var fallback = null; // the standing card of that orientation
  var items = [];     // the screens of the orientation being shown, in loop order
  var leaving = null; // the screen the current one fades in over
  var clock = root.querySelector(".kiosk-clock");
  var version = root.getAttribute("data-version");
  var night = parseHours(root.getAttribute("data-night") || "");
  var checkMs = (parseFloat(root.getAttribute("data-check-minutes")) || 5) * 60000;
  var shiftMs = (parseFloat(root.getAttribute("data-shift-minutes")) || 3) * 60000;
  var offsets = [[0, 0], [5, 3], [-4, 5], [3, -5], [-5, -3], [4, 4], [-3, -4]];
  var shiftIndex = 0, position = -1, checking = false;
  var timers = { advance: null, clock: null, shift: null, check: null };
  var START_WAIT_MS = 60000;  // a new version that has not started playing by then is given up

  if (root.getAttribute("data-night-mode") === "dim") { root.classList.add("night-dim"); }
  every.forEach(function (item) {
    item.fangzhaWindow = { from: item.getAttribute("data-from") || "", until: item.getAttribute("data-until") || "",
                           hours: parseHours(item.getAttribute("data-hours") || "") };
  });

  /* Each orientation has its own screens (laid out for its canvas): play those of the screen's shape.
     Turned, the screen goes on with the same item in its other layout. */
  function chooseOrientation() {
    root.classList.remove("is-drifting");  // a new size is drawn at once, not drifted to
    var wanted = window.innerHeight > window.innerWidth ? "portrait" : "landscape";
    if (root.getAttribute("data-orientation") === wanted && items.length) { return; }
    var showing = deck.slides[deck.state.index];
    var entry = showing && showing.classList.contains("is-current") && showing !== fallback ? showing.getAttribute("data-entry") : null;
    every.forEach(function (s) {
      s.classList.remove("is-current", "is-leaving");
      s.removeAttribute("data-fit");
      s.style.removeProperty("--fit");
    });
    leaving = null;
    root.setAttribute("data-orientation", wanted);
    var screens = Array.prototype.slice.call(stage.querySelectorAll('.kiosk-set[data-set="' + wanted + '"] .slide'));
    fallback = screens.filter(function (s) { return s.classList.contains("slide-fallback"); })[0];
    items = screens.filter(function (s) { return s !== fallback; });
    deck.slides = items.concat([fallback]);
    if (deck.shown) {
      var again = entry === null ? -1 : items.findIndex(function (s) { return s.getAttribute("data-entry") === entry; });
      position = again;
      deck.show(again >= 0 ? again : deck.slides.length - 1, 0);
    }
  }
  deck.beforeLayout = chooseOrientation;
  deck.margin = 8;

  /* Show a screen, fading it in over the one before (which stays beneath it until the next change). */
  function present(index) {
    var before = deck.slides[deck.state.index], target = deck.slides[index];
    if (leaving) { leaving.classList.remove("is-leaving"); leaving = null; }
    if (before && before !== target && before.classList.contains("is-current")) {
      before.classList.add("is-leaving");
      leaving = before;
    }
    deck.show(index, 0);
  }

  function today(now) { return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()); }
  function eligible(item, now) {
    var w = item.fangzhaWindow, day = today(now);
    if (w.from && day < w.from) { return false; }
    if (w.until && day > w.until) { return false; }
    return !w.hours || inHours(w.hours, now);
  }
  function restartProgress(seconds) {
    var bar = deck.bar;
    if (!bar) { return; }
    bar.style.transition = "none";
    bar.style.transform = "scaleX(0)";
    void bar.offsetWidth;  // let the browser see the reset before the new transition starts
    bar.style.transition = "transform " + seconds + "s linear";
    bar.style.transform = "scaleX(1)";
  }
  /* Show the next item whose windows are open; an item that fails to show is skipped. */
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
          present(deck.slides.indexOf(item));
          seconds = parseFloat(item.getAttribute("data-seconds")) || 15;
        } catch (error) {
          item.classList.remove("is-current");
          if (window.console) { console.warn("跳过出错的一屏：", item.id, error && error.message); }
        }
      }
      if (!seconds) {  // nothing may show right now: the standing card with the numbers to call
        position = -1;
        present(deck.slides.indexOf(fallback));
        seconds = parseFloat(fallback.getAttribute("data-seconds")) || 60;
      }
      restartProgress(seconds);
      deck.position = position;
      deck.shown = (deck.shown || 0) + 1;
    } finally {
      timers.advance = setTimeout(advance, (seconds || 15) * 1000);
    }
  }
  function updateClock(now) {
    if (clock) {
      var months = deck.say("months", "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月").split(",");
      var weekdays = deck.say("weekdays", "日,一,二,三,四,五,六").split(",");
      clock.textContent = deck.say("clock", "{year}年{month}{day}日　星期{weekday}　{time}", {
        year: now.getFullYear(), month: months[now.getMonth()], day: now.getDate(), weekday: weekdays[now.getDay()],
        time: pad(now.getHours()) + ":" + pad(now.getMinutes())
      });
    }
  }
  function tickClock() {
    var now = new Date();
    updateClock(now);
    root.classList.toggle("is-night", !!night && inHours(night, now));
    timers.clock = setTimeout(tickClock, 60000 - (now.getTime() % 60000) + 50);
  }
  function moveALittle() {  // burn-in care: never leave the same pixels lit for days; slowly (deck.css)
    shiftIndex = (shiftIndex + 1) % offsets.length;
    deck.shift = offsets[shiftIndex];
    root.classList.add("is-drifting");
    deck.scaleStage(stage, null, deck.margin);
  }
  function stopLooping() {
    clearTimeout(timers.advance);
    clearTimeout(timers.clock);
    clearInterval(timers.shift);
    root.hidden = true;
  }

  /* ---- Updates over http(s). A new version is only ever shown once it is proven to play:
     its page is complete (ends with the build's end mark and names the new version), and, opened
     in a frame over this page, it has started its loop. Until then, and whenever any of that
     fails, this page goes on showing the last good loop. Once a frame has taken over, this page
     only checks versions and swaps frames: it never navigates, so it never shows an error page. */
  var shown = null;  // the frame showing the current version, once an update has taken over
  function checkVersion() {
    if (checking || !window.fetch) { return; }
    checking = true;
    var here = location.href.split("#")[0].split("?")[0];
    fetchText(new URL("version.txt", here).href).then(function (text) {
      var latest = text.trim();
      if (!/^[0-9a-f]{8,64}$/.test(latest) || latest === version) { return null; }
      return fetchText(here).then(function (page) {
        if (!isComplete(page, latest)) { throw new Error("新版本的页面还没有上传完整"); }
        return tryVersion(here, latest);
      });
    }).catch(function () { /* server, network or new version not ready: keep showing what we have */ })
      .then(function () { checking = false; });
  }
  function isComplete(page, latest) {
    return page.indexOf('data-version="' + latest + '"') >= 0 &&
      /<!-- fangzha:end [0-9a-f]+ -->\s*$/.test(page) && page.indexOf("<!-- fangzha:end " + latest + " -->") >= 0;
  }
  function tryVersion(here, latest) {
    return new Promise(function (resolve, reject) {
      var frame = document.createElement("iframe");
      frame.className = "kiosk-next";
      frame.setAttribute("title", deck.say("new_version", "大屏轮播（新版本）"));
      frame.setAttribute("aria-hidden", "true");
      var giveUp = setTimeout(function () { finish(false); }, START_WAIT_MS);
      function onMessage(event) {
        var data = event.data || {};
        if (event.source === frame.contentWindow && data.type === "fangzha-loop-started" && data.version === latest) {
          finish(true);
        }
      }
      function finish(ok) {
        clearTimeout(giveUp);
        window.removeEventListener("message", onMessage);
        if (!ok) { frame.parentNode.removeChild(frame); reject(new Error("新版本没有开始播放")); return; }
        if (shown) { shown.parentNode.removeChild(shown); } else { stopLooping(); }
        frame.className = "kiosk-frame";
        frame.removeAttribute("aria-hidden");
        shown = frame;
        version = latest;
        deck.version = latest;
        resolve();
      }
      window.addEventListener("message", onMessage);
      frame.src = here + "?v=" + latest;
      document.body.appendChild(frame);
    });
  }
  function fetchText(url) {
    var separator = url.indexOf("?") < 0 ? "?" : "&";
    return fetch(url + separator + "t=" + Date.now(), { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    });
  }

  deck.checkVersion = checkVersion;
  deck.version = version;
  window.addEventListener("error", function () { /* one screen's error must not stop the loop */ });
  deck.layout();
  advance();
  tickClock();
  timers.shift = setInterval(moveALittle, shiftMs);
  if (framed) {
    window.parent.postMessage({ type: "fangzha-loop-started", version: version }, "*");
  } else if (/^https?:$/.test(location.protocol)) {
    timers.check = setInterval(checkVersion, checkMs);
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
/* fangzha:end */
