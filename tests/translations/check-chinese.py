#!/usr/bin/env python3
"""Checks the Simplified Chinese translation against the glossary's decisions.

Fails on:
- ASCII "..." (Chinese uses "……" in sentences, "…" after a button's label), except inside `code` or as part of
  an ASCII token copied from the English source ("(?...)", "DIR/DOMAIN/...");
- ASCII punctuation right after a CJK character (":" "," ";" "?" "!" "(" ")", "." ending a sentence): the
  full-width form follows a CJK character (an accelerator "(&X)" keeps its ASCII parentheses);
- a space after a CJK punctuation mark, or between a CJK character and another CJK character or mark (a space
  after a CJK character is kept only before Latin text, a number, a placeholder or code);
- a glossary term rendered another way: the rules of translations/glossary-rules.tsv (forbidden and required
  renderings, each with its reason).

Usage: check-chinese.py TS_FILE RULES_FILE   (exit 1 and one line per problem when something is found)
       check-chinese.py --self-test RULES_FILE
"""
import html
import re
import sys

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019\u2026"
IDEOGRAPH = re.compile("[" + CJK + "]")
ASCII_AFTER_CJK = re.compile("([" + CJK + "])([:,;?!)]|\\((?!&)|\\.(?=\\s|$))")
SPACE_AFTER_PUNCT = re.compile("([" + CJK_PUNCT + "]) +(?=\\S)")
SPACE_BETWEEN_CJK = re.compile("([" + CJK + CJK_PUNCT + "]) +([" + CJK + CJK_PUNCT + "])")
CODE = re.compile("`[^`]*`")


def messages(ts_text):
    """(context, source, [translations]) of every message."""
    for ctx in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", ts_text, re.S):
        for m in re.finditer(r"<message[^>]*>(.*?)</message>", ctx.group(2), re.S):
            body = m.group(1)
            source = html.unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
            translation = re.search(r"<translation[^>]*>(.*?)</translation>", body, re.S).group(1)
            forms = re.findall(r"<numerusform>(.*?)</numerusform>", translation, re.S) or [translation]
            yield ctx.group(1), source, [html.unescape(f) for f in forms]


def load_rules(path):
    rules = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in ("forbid", "require"):
            sys.exit(f"{path}:{number}: expected 'forbid|require<TAB>source<TAB>translation<TAB>reason'")
        kind, source, translation, reason = fields
        source_re = None if source == "*" else re.compile(source, re.I)
        rules.append((kind, source_re, re.compile(translation), reason, number))
    return rules


def ellipsis_problems(source, text):
    problems = []
    outside = CODE.sub(lambda m: " " * len(m.group(0)), text)
    for m in re.finditer(r"\.\.\.", outside):
        # The ASCII token around it: allowed when it has more than dots and comes from the English source.
        start, end = m.start(), m.end()
        while start > 0 and outside[start - 1].isascii() and not outside[start - 1].isspace():
            start -= 1
        while end < len(outside) and outside[end].isascii() and not outside[end].isspace():
            end += 1
        token = outside[start:end]
        if token.strip(".") and token in source:
            continue
        problems.append('ASCII "..." (use "……" in a sentence, "…" after a label)')
    return problems


def text_problems(source, text, rules):
    problems = ellipsis_problems(source, text)
    outside = CODE.sub(lambda m: "`" + "x" * (len(m.group(0)) - 2) + "`", text)
    for m in ASCII_AFTER_CJK.finditer(outside):
        problems.append(f'ASCII "{m.group(2)}" after "{m.group(1)}" (use the full-width form)')
    for m in SPACE_AFTER_PUNCT.finditer(outside):
        problems.append(f'a space after "{m.group(1)}"')
    for m in SPACE_BETWEEN_CJK.finditer(outside):
        problems.append(f'a space between "{m.group(1)}" and "{m.group(2)}"')
    for kind, source_re, translation_re, reason, number in rules:
        if source_re is not None and not source_re.search(source):
            continue
        found = translation_re.search(text)
        if kind == "forbid" and found:
            problems.append(f'"{found.group(0)}": {reason} (rule {number})')
        elif kind == "require" and not found:
            problems.append(f'no "{translation_re.pattern}": {reason} (rule {number})')
    return problems


def check(ts_path, rules):
    count = 0
    for context, source, forms in messages(open(ts_path, encoding="utf-8").read()):
        if not any(IDEOGRAPH.search(f) for f in forms):
            continue  # names, commands and formats stay as they are
        for text in forms:
            for problem in text_problems(source, text, rules):
                count += 1
                print(f"{context}: {source!r}\n    {text!r}\n    -> {problem}")
    return count


def self_test(rules):
    # Each bad text must be caught, each good one must pass.
    bad = [
        ("Working...", "正在处理..."),
        ("Save...", "保存(&S)..."),
        ("Error: %1", "错误:%1"),
        ("A. B.", "第一句。 第二句。"),
        ("a b", "域名 匹配"),
        ("TLS profile", "TLS 配置档"),
        ("Your account", "您的帐户"),
        ("The Chat guide", "即时通信 IM 指南"),
        ("Saved setups", "已保存的配置"),
        ("The certificate does not reach a root of %1.", "该证书无法链接到%1中的根证书。"),
        ("Resolving the host name", "正在解析主机名"),
    ]
    good = [
        ("Working...", "正在处理……"),
        ("Save...", "保存(&S)…"),
        ("Error: %1", "错误：%1"),
        ("A. B.", "第一句。第二句。"),
        ("Use `listen ... ssl;` here", "此处使用 `listen ... ssl;`"),
        ("a query (?...)", "查询参数（?...）"),
        ("User Account Control", "用户帐户控制"),
        ("Files (*.crt);;All files (*)", "文件 (*.crt);;所有文件 (*)"),
    ]
    failures = 0
    for source, text in bad:
        if not text_problems(source, text, rules):
            print(f"self-test: not caught: {text!r}")
            failures += 1
    for source, text in good:
        problems = text_problems(source, text, rules)
        if problems:
            print(f"self-test: wrongly caught: {text!r}: {problems}")
            failures += 1
    return failures


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        failures = self_test(load_rules(sys.argv[2]))
        print("self-test passed" if not failures else f"self-test: {failures} failure(s)")
        return 1 if failures else 0
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count = check(sys.argv[1], load_rules(sys.argv[2]))
    if count:
        print(f"{count} problem(s): see translations/GLOSSARY.md")
        return 1
    print("the Chinese translation follows the glossary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
