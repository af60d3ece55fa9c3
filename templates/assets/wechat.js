/* 公众号文章的“复制文章”按钮：把文章（标着 data-wechat-article 的元素）同时复制成网页格式和纯文字，
   粘贴到公众号编辑器里保留样式。先用剪贴板接口（ClipboardItem）；不行就选中文章、用 execCommand 复制
   （从 file:// 打开时也能用）；都不行就留着选中的文章，请用户按 Ctrl+C。用户自己全选复制整篇文章时，
   复制的也是文章本身的网页格式。 */
(function () {
  "use strict";
  var button = document.getElementById("wx-copy");
  var status = document.getElementById("wx-status");
  var article = document.querySelector("[data-wechat-article]");
  if (!button || !article) return;

  /* A status line in the site's language (assets/words.js), else simplified Chinese as written here. */
  function say(key, text) { status.textContent = (window.fangzhaWords || {})[key] || text; }

  function html() {
    var copy = article.cloneNode(true);
    copy.removeAttribute("data-wechat-article");
    return copy.outerHTML;
  }

  function select() {
    var range = document.createRange();
    range.selectNodeContents(article);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  }

  function bySelection() {
    var selection = select(), copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    if (copied) {
      selection.removeAllRanges();
      say("copied", "已复制。到公众号编辑器的正文里按 Ctrl+V 粘贴。");
    } else {
      say("copy_by_hand", "没能自动复制：文章已经选中了，请按 Ctrl+C 复制。");
    }
  }

  /* The whole article selected (the button's fallback, or Ctrl+A, Ctrl+C): copy the article's own HTML,
     not the browser's copy of it with the page's styles written into every element. */
  function wholeArticle(selection) {
    var flat = function (text) { return text.replace(/\s+/g, ""); };
    return selection && !selection.isCollapsed && flat(selection.toString()).indexOf(flat(article.innerText)) >= 0;
  }
  document.addEventListener("copy", function (event) {
    if (!event.clipboardData || !wholeArticle(window.getSelection())) return;
    event.clipboardData.setData("text/html", html());
    event.clipboardData.setData("text/plain", article.innerText);
    event.preventDefault();
  });

  button.addEventListener("click", function () {
    if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/html": new Blob([html()], {type: "text/html"}),
        "text/plain": new Blob([article.innerText], {type: "text/plain"})
      });
      navigator.clipboard.write([item]).then(function () {
        say("copied", "已复制。到公众号编辑器的正文里按 Ctrl+V 粘贴。");
      }, bySelection);
    } else {
      bySelection();
    }
  });
})();
