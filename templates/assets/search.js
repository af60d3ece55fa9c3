/* 站内搜索：索引随页面以脚本加载（file:// 下也能用），按子串匹配中文。 */
(function () {
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
  function run() {
    var query = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var words = query.split(/\s+/);
    var found = index.map(function (e) { return [score(e, words), e]; })
      .filter(function (p) { return p[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0]; });
    status.textContent = found.length ? "找到 " + found.length + " 条结果" : "没有找到与“" + input.value.trim() + "”有关的内容";
    found.forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = p[1].u;
      a.textContent = p[1].t;
      var s = document.createElement("p");
      s.textContent = p[1].s;
      li.appendChild(a);
      li.appendChild(s);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  var fromUrl = /[?&]q=([^&]*)/.exec(location.search);
  if (fromUrl) { input.value = decodeURIComponent(fromUrl[1].replace(/\+/g, " ")); }
  run();
})();
