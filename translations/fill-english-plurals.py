# Fills the English plural forms of translations/mtls-assistant_en.ts: "word(s)" -> "word" / "words".
# Only the <translation> of each plural message is replaced; comments and the rest are kept.
import re, sys, html
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
esc = lambda t: html.escape(t, quote=False).replace('"', '&quot;').replace("'", '&apos;')
def fill(m):
    msg = m.group(0)
    src = html.unescape(re.search(r'<source>(.*?)</source>', msg, re.S).group(1))
    one = re.sub(r'(\w+)\(s\)', r'\1', src)
    many = re.sub(r'(\w+)\(s\)', lambda k: k.group(1) + ('es' if k.group(1).endswith(('s', 'x', 'ch', 'sh')) else 's'), src)
    tr = ('<translation>\n            <numerusform>%s</numerusform>\n            <numerusform>%s</numerusform>\n'
          '        </translation>') % (esc(one), esc(many))
    return re.sub(r'<translation[^>]*/>|<translation[^>]*>.*?</translation>', lambda _: tr, msg, count=1, flags=re.S)
s = re.sub(r'<message numerus="yes">.*?</message>', fill, s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
