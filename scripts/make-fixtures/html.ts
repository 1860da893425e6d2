import type { SeedDoc, SeedTable } from './seed.js';

// A seed as a government web page: site header, navigation, breadcrumb, the article
// (typed markers, a table with rowspan/colspan), share buttons, related links,
// footer and scripts around it.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function seedToHtml(doc: SeedDoc, options: { charsetMeta: string; title: string }): string {
  const body: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'table') { body.push(table(item)); continue; }
    const text = esc((item.marker ?? '') + item.text);
    if (item.list?.kind === 'l1') body.push(`<p style="text-indent:2em"><strong>${text}</strong></p>`);
    else body.push(`<p style="text-indent:2em">${text}</p>`);
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${options.charsetMeta}
<title>${esc(options.title)}_政策文件_县人民政府网</title>
<meta name="keywords" content="营商环境,行动方案">
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "https://hm.example.com/hm.js?x"; })();</script>
<style>.share a{margin:0 4px} #zoom p{line-height:2}</style>
</head>
<body>
<div class="top-bar"><span>欢迎访问县人民政府网</span><a href="/wza">无障碍</a> <a href="/en">English</a> <a href="/m">手机版</a></div>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="县人民政府"></div>
  <form class="search" action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zfxxgk/">政府信息公开</a></li>
    <li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本县</a></li>
  </ul>
</div>
<div class="main">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
  <div class="sidebar">
    <h3>政策文件</h3>
    <ul><li><a href="/zcwj/xzgfxwj/">行政规范性文件</a></li><li><a href="/zcwj/qtwj/">其他文件</a></li><li><a href="/zcjd/">政策解读</a></li></ul>
  </div>
  <div class="article">
    <h1 class="article-title">${esc(options.title)}</h1>
    <div class="article-info">发布时间：2025-08-18 09:30 &nbsp; 来源：县政府办公室 &nbsp; 浏览次数：<span id="hits">1024</span> &nbsp; 字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
    <div id="zoom" class="TRS_Editor">
${body.join('\n')}
    </div>
    <div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="related"><h4>相关文件</h4><ul><li><a href="/a/1.html">关于进一步优化营商环境的实施意见</a></li><li><a href="/a/2.html">2024年优化营商环境工作要点</a></li></ul></div>
  </div>
</div>
<div class="footer">
  <p>主办单位：县人民政府办公室 &nbsp; 承办单位：县大数据发展中心</p>
  <p>网站标识码：5002400001 &nbsp; <a href="https://beian.miit.gov.cn">渝ICP备00000000号</a> &nbsp; 渝公网安备 50024002000001号</p>
</div>
<script>$(function(){ $('#hits').load('/hits?id=1'); });</script>
</body>
</html>
`;
}

function table(t: SeedTable): string {
  const rows = t.rows.map((cells, r) => '<tr>' + cells.map((c) => {
    const tag = r === 0 ? 'th' : 'td';
    const span = (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '') + (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '');
    return `<${tag}${span}><p>${esc(c.text)}</p></${tag}>`;
  }).join('') + '</tr>');
  return `<div align="center"><table border="1" cellspacing="0" style="border-collapse:collapse">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></div>`;
}
