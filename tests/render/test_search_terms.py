"""The names search keeps whole (macros/render/search.py), without a site build."""

from __future__ import annotations

import io
import logging

import jieba

from macros.render.search import (
    BOUNDARY,
    keep_names_whole,
    mixed_script_names,
    search_terms,
    user_dictionary,
)


def test_terms_are_the_chinese_runs_of_names_and_aliases(factbase):
    terms = search_terms(factbase)
    assert {"英伟达", "深度求索", "零一万物", "字节跳动", "中芯国际", "昇腾"} <= set(terms)
    assert "智谱" in terms and "智谱AI" not in terms  # a run of Chinese characters
    assert all(2 <= len(t) <= 6 for t in terms)  # longer names are left to jieba
    assert "北京蝴蝶效应科技有限公司" not in terms and "科技有限公司" not in terms
    assert terms == sorted(set(terms))


def test_jieba_keeps_the_names_whole_once_it_has_the_dictionary(factbase):
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()  # not the global one, which a build in this process taught
    text = "英伟达向零一万物和深度求索出售芯片"
    assert "英伟达" not in tokenizer.lcut(text)  # jieba's own dictionary splits it
    tokenizer.load_userdict(io.StringIO(user_dictionary(factbase)))
    assert {"英伟达", "零一万物", "深度求索"} <= set(tokenizer.lcut(text))


def test_mixed_script_names_are_joined_in_the_index(factbase):
    names = mixed_script_names(factbase)
    assert {"智谱AI", "IT桔子"} <= set(names)
    text = f"的{BOUNDARY}智谱{BOUNDARY}AI{BOUNDARY}公司 IT{BOUNDARY}桔子{BOUNDARY}数据"
    assert keep_names_whole(text, names) == f"的{BOUNDARY}智谱AI{BOUNDARY}公司 IT桔子{BOUNDARY}数据"
    # only at word boundaries: not inside a longer Latin word
    assert keep_names_whole(f"智谱{BOUNDARY}AIX", names) == f"智谱{BOUNDARY}AIX"


def test_glossary_terms_are_kept_whole_too(factbase):
    terms = set(search_terms(factbase))
    assert {"出口管制", "引导基金", "百模大战", "卡脖子", "美元基金", "推理模型"} <= terms
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    text = "美国的出口管制与政府引导基金"
    tokenizer.load_userdict(io.StringIO(user_dictionary(factbase)))
    assert {"出口管制", "政府引导基金"} <= set(tokenizer.lcut(text))
