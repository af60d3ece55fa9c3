/* 大字开关（记住选择）和按人群筛选。普通脚本，不依赖网络。 */
(function () {
  /* A word the script writes: the site's language from assets/words.js, else simplified Chinese as written here. */
  function say(key, fallback, values) {
    var word = (window.fangzhaWords || {})[key] || fallback;
    return word.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  var root = document.documentElement;
  var toggle = document.getElementById("large-toggle");
  function store(on) { try { localStorage.setItem("fangzha-large", on ? "1" : "0"); } catch (e) {} }
  if (toggle) {
    toggle.setAttribute("aria-pressed", root.classList.contains("large") ? "true" : "false");
    toggle.addEventListener("click", function () {
      var on = !root.classList.contains("large");
      root.classList.toggle("large", on);
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      store(on);
    });
  }
  var buttons = document.querySelectorAll(".filter-btn");
  var status = document.querySelector(".filter-status");
  function applyFilter(name) {
    var shown = 0;
    document.querySelectorAll("[data-filterable] .card").forEach(function (card) {
      var match = !name || (" " + card.getAttribute("data-audiences") + " ").indexOf(" " + name + " ") >= 0;
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-audience") === name ? "true" : "false"); });
    if (status) { status.textContent = name ? say("filtered", "与{name}有关的有 {count} 种", { name: name, count: shown }) : ""; }
  }
  buttons.forEach(function (b) { b.addEventListener("click", function () { applyFilter(b.getAttribute("data-audience")); }); });
})();
