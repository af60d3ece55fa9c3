/* 站内搜索：索引随页面以脚本加载（file:// 下也能用），按子串匹配中文。 */
(function () {
  /* A word the script writes: the site's language from assets/words.js, else simplified Chinese as written here. */
  function say(key, fallback, values) {
    var word = (window.fangzhaWords || {})[key] || fallback;
    return word.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var index = window.SEARCH_INDEX || [];
  input.form.addEventListener("submit", function (event) { event.preventDefault(); });  // results show as you type
  var fields = [["t", 8], ["a", 5], ["s", 3], ["b", 1]];
  function score(entry, words) {
    var total = 0;
    for (var w = 0; w < words.length; w++) {
      var hit = 0;
      for (var f = 0; f < fields.length; f++) {
        if ((entry[fields[f][0]] || "").toLowerCase().indexOf(words[w]) >= 0) { hit += fields[f][1]; }
      }
      if (!hit) { return 0; }
      total += hit;
    }
    return total;
  }
  /* Where the first word matches in the summary or the text: that passage, a little either side. */
  function snippet(entry, words) {
    var texts = [entry.s || "", entry.a || "", entry.b || ""];
    for (var i = 0; i < texts.length; i++) {
      var at = texts[i].toLowerCase().indexOf(words[0]);
      if (at >= 0) {
        var start = Math.max(0, at - 24), end = Math.min(texts[i].length, at + words[0].length + 40);
        return (start > 0 ? "…" : "") + texts[i].slice(start, end) + (end < texts[i].length ? "…" : "");
      }
    }
    return entry.s || "";
  }
  /* The text into `element`, every match of the words inside <mark> (built as nodes: the text stays text). */
  function marked(element, text, words) {
    var lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      for (var w = 0; w < words.length; w++) {
        var i = lower.indexOf(words[w], at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; length = words[w].length; }
      }
      if (next < 0) { element.appendChild(document.createTextNode(text.slice(at))); return; }
      if (next > at) { element.appendChild(document.createTextNode(text.slice(at, next))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      element.appendChild(mark);
      at = next + length;
    }
  }
  function run() {
    var query = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var words = query.split(/\s+/);
    var found = index.map(function (e) { return [score(e, words), e]; })
      .filter(function (p) { return p[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0]; });
    status.textContent = found.length ? say("found", "找到 {count} 条结果", { count: found.length })
      : say("none", "没有找到与“{query}”有关的内容", { query: input.value.trim() });
    found.forEach(function (p) {
      var entry = p[1];
      var li = document.createElement("li");
      if (entry.l) { li.lang = entry.l; }  /* an item in another language than the page's */
      var heading = document.createElement("p");
      heading.className = "result-title";
      if (entry.k) {
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = entry.k;
        heading.appendChild(kind);
      }
      var a = document.createElement("a");
      a.href = entry.u;
      marked(a, entry.t, words);
      heading.appendChild(a);
      var s = document.createElement("p");
      marked(s, snippet(entry, words), words);
      li.appendChild(heading);
      li.appendChild(s);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  var fromUrl = /[?&]q=([^&]*)/.exec(location.search);
  if (fromUrl) { input.value = decodeURIComponent(fromUrl[1].replace(/\+/g, " ")); }
  run();
})();
