/* 大字：在页面显示之前读出上次的选择，避免先小后大地闪一下（单独的文件：页面不允许内嵌脚本）。 */
try { if (localStorage.getItem("fangzha-large") === "1") { document.documentElement.classList.add("large"); } } catch (e) {}
