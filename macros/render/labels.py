"""Reader-facing words in each page language: one table, namespaced keys. Plain data.

``LABELS[lang]`` maps a namespace to its labels: ``LABELS["en"]["field"]["source"]`` is
"Source"; templates write ``L.field.source``. Every namespace holds the same keys in
every language (a test checks), and a key means one thing everywhere: the card's
"permalink" and the fact page's "permalink" are two keys in two namespaces.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..evidence.model import EntityKind, FactKind, SourceKind, Theme

LANGS = ("en", "zh")
#: The BCP 47 tag of each site language, for metadata (feeds, JSON-LD).
LANG_TAG = {"en": "en", "zh": "zh-Hans"}
DEFAULT_LANG = "en"

Labels = Mapping[str, Mapping[str, str]]

# A fact's kind decides how its card looks: reporting (what a source itself reports as
# fact), claim (a named third party's assertion, or a forecast) or opinion (a judgement).
KIND_FAMILY: dict[FactKind, str] = {
    FactKind.statistic: "reporting",
    FactKind.event: "reporting",
    FactKind.report: "reporting",
    FactKind.claim: "claim",
    FactKind.forecast: "claim",
    FactKind.opinion: "opinion",
}

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "kind": {
            "statistic": "Reporting · figure",
            "event": "Reporting · event",
            "report": "Reporting",
            "claim": "Claim",
            "forecast": "Forecast",
            "opinion": "Opinion",
        },
        "family": {"reporting": "Reporting", "claim": "Claims", "opinion": "Opinion"},
        "legend": {
            "reporting": "What a source itself reports as fact. The source may still be "
                         "wrong; we show its exact words, and our corrections.",
            "claim": "What a named person or body asserts or predicts, as a source relays "
                     "it. A claim is evidence that it was said, not that it is true.",
            "opinion": "A judgement, by anyone, the source's own author included. Read it "
                       "as a view, weighed against the reporting.",
        },
        # What each kind means (the definitions of macros.evidence.model.KIND_MEANING).
        "kind_meaning": {
            "statistic": "a figure the source reports, with its unit and date",
            "event": "a dated happening the source reports",
            "report": "something the source asserts as fact in its own voice",
            "claim": "an assertion by a named third party, not the source's own author "
                     "or outlet",
            "forecast": "a prediction, by anyone",
            "opinion": "a judgement or evaluation, by anyone",
        },
        "basis": {
            "printed": "",
            "inferred": "inferred",
            "outside": "not from our sources",
            "not_after": "no later than {date}",
            "how": "How we dated it",
        },
        "correction": {
            "label": "Correction",
            "says": "The source says",
            "correct": "Correct",
            "passage": "shown by another passage of the same source",
            "source": "shown by another of our sources",
            "outside": "outside reference",
            "outside_label": "Not from our sources",
            "on_fact": "On the fact",
            "on_source": "In the source",
            "none": "No corrections recorded.",
        },
        "retired": {
            "merged": "This fact was merged into another on {date}.",
            "withdrawn": "This fact was withdrawn on {date}.",
            "now": "The fact now reads",
            "why": "Why",
        },
        # Names of the parts of a fact or a source, as card, table and page labels.
        "field": {
            "source": "Source",
            "sources": "Sources",
            "quote": "Quote",
            "original": "Original",
            "title_en": "English title",
            "translation": "Our translation",
            "as_printed": "As printed",
            "as_of": "As of",
            "date": "Date",
            "said": "Said",
            "speaker": "Who",
            "outlet": "Outlet",
            "published": "Published",
            "authors": "Authors",
            "kind": "Kind",
            "via": "How it reached us",
            "archive": "Archived text",
            "errata": "Errata",
            "note": "Note",
            "data_producer": "Data from",
            "conversion": "Our conversion",
            "horizon": "About",
            "value": "Value",
            "subject": "Subject",
            "measure": "Measure",
            "theme": "Theme",
            "url": "Original address",
        },
        "card": {
            "conversion_rate": "at {rate} per unit, rate of {date}",
            "current_state": "Describes a current state; due for review by {date}.",
            "current_state_nodate": "Describes a current state that may have changed.",
            "evidence": "Evidence",
            "evidence_link": "quote and source",
            "permalink": "Link to this fact",
            "permalink_short": "permalink",
        },
        "stale": {
            "label": "May be out of date",
            "review": "Its review date has passed.",
            "age": "It describes a current state more than {n} months old.",
        },
        "source": {
            "cited_by": "Facts citing this source",
            "no_facts": "No facts cite this source yet.",
            "unknown_authors": "Authors not stated",
        },
        "chart": {
            "data": "Data behind the chart",
            "range_note": "Lighter bar: the range the source gives.",
        },
        "claims": {
            "other": "Other claims and opinions",
            "none": "No views recorded yet.",
            "no_position": "Position not stated",
            "position": "Position",
        },
        "theme": {
            "read": "Read",
            "none_yet": "No evidence recorded yet for this theme.",
            "figures": "Figures",
            "events": "Events",
            "reports": "What the sources report",
            "views": "Claims, forecasts and opinions",
        },
        "count": {
            "facts": "{n} facts",
            "fact_one": "1 fact",
            "sources": "{n} sources",
            "source_one": "1 source",
        },
        "date": {
            "unknown": "date unknown",
            "undated": "Date unknown",
            "month_unknown": "{year} (month unknown)",
        },
        "text": {"unknown": "unknown"},
        "punct": {"comma": ", ", "stop": ".", "colon": ": ", "paren": " ({})",
                  "range": "{}–{}", "space": " "},
        "macro_ref": {"param": "Parameter", "example": "Example", "returns": "Output"},
        "fact_page": {
            "fact": "Fact",
            "statement_en": "In English",
            "statement_zh": "In Chinese",
            "quote_heading": "The quote",
            "source_heading": "Source",
            "describes": "Describes",
            "producer": "Original data from",
            "related": "Related facts on the same measure",
            "no_related": "No other facts on this measure.",
            "entities": "Entities",
            "on_theme": "On its theme page",
            "cite_heading": "Cite this",
            "cite_text": "Plain text",
            "cite_bibtex": "BibTeX",
            "cite_csl": "CSL-JSON",
            "cite_note": "Cite our page and the original article; the quote remains "
                         "its publisher's.",
            "cite_bib_note": "Paste this entry, with any others from our pages, and add "
                             "sources.bib to the same bibliography once: the entry refers "
                             "to its article's entry there (its related field), so no "
                             "entry is repeated.",
            "cite_sources_bib": "every article our facts quote, once each",
            "cite_facts_bib": "every fact's entry, as on the pages (use one or the other)",
            "permalink": "permalink",
            "added": "Added",
            "updated": "Updated",
        },
        # The citations (macros/render/citations.py): plain text, BibTeX and CSL-JSON.
        "citation": {
            "editors": "{site} editors",
            "nd": "n.d.",
            "two_authors": "{} and {}",
            "et_al": "{} et al.",
            "source_short": "{title} ({when})",
            "bib_note": "Our statement and translation, {licence}. It quotes {source}: "
                        "cite that article too; its entry is in {file} ({url}).",
            "bib_comment": "The article this fact quotes has its entry, {key}, in {file}:\n"
                           "{url}\n"
                           "Add that file to your bibliography once; the entry below "
                           "refers to it (related field).",
            "plain": "{ours} {url} Licence: {licence}. The quote is from: {source}",
        },
        "entity_page": {
            "entity": "Entity",
            "kind": "Kind",
            "aliases": "Also written",
            "parent": "Part of",
            "children": "Includes",
            "about": "Facts about it",
            "said": "What it says",
            "depends": "What this rests on",
            "no_facts": "No facts mention it yet.",
            "all_entities": "All entities",
        },
        "entity": {
            EntityKind.company.value: "Companies",
            EntityKind.person.value: "People",
            EntityKind.government_body.value: "Government bodies",
            EntityKind.investor.value: "Investors",
            EntityKind.model.value: "Models",
            EntityKind.country.value: "Countries",
            EntityKind.organisation.value: "Organisations",
            EntityKind.university.value: "Universities",
            EntityKind.data_producer.value: "Data producers",
            EntityKind.media.value: "Media",
            EntityKind.product.value: "Products",
        },
        "downloads": {
            "file": "File",
            "rows": "Rows",
            "about_file": "What it holds",
            "field": "Field",
            "meaning": "Meaning",
            "per_measure": "Per measure",
            "per_measure_note": "One tidy CSV per measure: one row per figure, columns "
                                "below.",
            "type": "Type",
            "no_rows": "—",
            "fields_facts": "Columns of facts.csv and facts-excel.csv",
            "fields_measures": "Columns of the per-measure files",
            "fields_sources": "Columns of sources.csv",
            "fields_entities": "Columns of entities.csv",
            "fields_facts_note": "facts.json holds the same fields, with statement, note "
                                 "and quantity as nested objects and lists as lists; the "
                                 "derived columns (subject names, period_start, "
                                 "period_end, aggregate) are the CSV's only.",
            "attribution": "Sources to attribute",
            "dataset_description": "Facts on the US–China AI contest, each backed by a "
                                   "verbatim quote from a Chinese-language source, with "
                                   "its sources and the entities it concerns.",
            "dataset_keywords": "artificial intelligence, United States, China, export "
                                "controls, venture capital, AI talent, open-source AI",
        },
        "changes": {
            "none": "No changes recorded.",
            "feed": "Atom feed of these changes",
            "added": "Added",
            "updated": "Updated",
            "feed_title": "{site}: changes to the evidence",
            "feed_subtitle": "Every fact added to or updated in the evidence base, newest "
                             "first, each with the verbatim quote it rests on.",
            "feed_author": "{site} editors",
            "feed_rights": "Our text and data: {licence}. Quoted passages remain the "
                           "property of their publishers.",
            "feed_entry": "{action}: {statement}",
            "feed_summary": "{statement} Quote: {quote} ({translation})",
        },
        # An inline figure, citation or quote, its evidence preview, and a card's links
        # back to the sentences citing it.
        "ref": {
            "evidence": "Evidence {n}",
            "label": "Evidence {n}: {statement}",
            "sr_open": " (evidence ",
            "sr_close": ")",
            "to_card": "Evidence card",
            "cited": "Cited in the text",
            "back": "Back to citation {i} in the text",
        },
        # How strong a source is: where it was published, what it passes on, whose copy
        # we hold, and whether the producer of what it relays is named.
        "strength": {
            "label": "Source strength",
            "legend_channel": "Where it was published",
            "legend_retelling": "What it passes on",
            "legend_producer": "Who produced it",
            "channel_news-outlet": "News outlet",
            "channel_self-media": "Self-media",
            "channel_blog": "Personal blog",
            "channel_unknown": "Not known",
            "standing_news-outlet": "{kind}",
            "standing_self-media": "Self-media {kind_lc}",
            "standing_blog": "{kind} on a personal blog",
            "standing_unknown": "{kind}",
            "summary_named": "{standing} summarising another author's article",
            "summary_unnamed": "{standing} summarising an unnamed article",
            "translation_named": "{standing} of a named article",
            "translation_unnamed": "{standing} of unknown origin",
            "reposted": "{standing}, reposted",
            "note_news-outlet": "Published by a news organisation under its own name, with "
                                "editors.",
            "note_self-media": "Published by an account on a self-media platform (such as a "
                               "WeChat official account or NetEase Hao), with no editor of "
                               "the platform's in between.",
            "note_blog": "Published on a personal blog.",
            "note_unknown": "The text does not say where it was first published.",
            "note_summary_named": "It summarises another author's article ({original}): the "
                                  "views are that author's, as summarised.",
            "note_summary_unnamed": "It summarises another article, which it does not name.",
            "note_translation_named": "It is a translation of {original}.",
            "note_translation_unnamed": "It is a translation; the original article, where it "
                                        "appeared and the translator are not named.",
            "note_reposted": "The copy we hold was reposted by {by}.",
            "legend_summary": "Summarising another article: the views are the original "
                              "author's, as the summary gives them.",
            "legend_translation": "A translation: 'of unknown origin' when the original is "
                                  "not named, so it cannot be checked against it.",
            "legend_reposted": "Reposted: the copy we hold is someone else's repost, not the "
                               "publisher's own page.",
            "named": "Producer named: {producer}",
            "unnamed": "Producer not named: {producer}",
            "unstated": "Producer not stated",
            "note_named": "The source names who produced this, so it can be checked against "
                          "them.",
            "note_unnamed": "The source relays this from someone it does not name, so it "
                            "cannot be traced further.",
            "note_unstated": "The source gives the figure without saying who produced it.",
            "legend_named": "Producer named: the source says whose data or finding it "
                            "relays (PitchBook, MacroPolo, the AI Index…).",
            "legend_unnamed": "Producer not named: it relays someone it does not name "
                              "('a recent study', 'reports say').",
            "legend_unstated": "Producer not stated: a figure given with no word of where it "
                               "comes from.",
        },
        "source_kind": {
            SourceKind.news_report.value: "News report",
            SourceKind.analysis.value: "Analysis",
            SourceKind.opinion_column.value: "Opinion column",
            SourceKind.commentary.value: "Commentary",
            SourceKind.translation.value: "Translation",
            SourceKind.opinion.value: "Opinion",
        },
    },
    "zh": {
        "kind": {
            "statistic": "报道 · 数据",
            "event": "报道 · 事件",
            "report": "报道",
            "claim": "说法",
            "forecast": "预测",
            "opinion": "观点",
        },
        "family": {"reporting": "报道", "claim": "说法", "opinion": "观点"},
        "legend": {
            "reporting": "来源本身作为事实报道的内容。来源也可能出错；我们展示其原话，以及我们的更正。",
            "claim": "来源转述的、有名有姓的个人或机构的断言或预测。说法只证明有人这样说过，不证明其为真。",
            "opinion": "任何人的判断，包括来源作者本人。应将其视为观点，并与报道对照阅读。",
        },
        "kind_meaning": {
            "statistic": "来源报道的数字，附单位和日期",
            "event": "来源报道的、有日期的事件",
            "report": "来源以自己的口吻作为事实陈述的内容",
            "claim": "来源作者或媒体以外、有名有姓的第三方的断言",
            "forecast": "任何人的预测",
            "opinion": "任何人的判断或评价",
        },
        "basis": {
            "printed": "",
            "inferred": "推断",
            "outside": "非出自本站来源",
            "not_after": "不晚于{date}",
            "how": "日期依据",
        },
        "correction": {
            "label": "更正",
            "says": "来源原文",
            "correct": "更正为",
            "passage": "依据同一来源的另一段文字",
            "source": "依据本站另一来源",
            "outside": "外部依据",
            "outside_label": "非出自本站来源",
            "on_fact": "所涉事实",
            "on_source": "所在来源",
            "none": "尚无更正记录。",
        },
        "retired": {
            "merged": "此条事实已于{date}并入另一条。",
            "withdrawn": "此条事实已于{date}撤下。",
            "now": "现见于",
            "why": "原因",
        },
        "field": {
            "source": "来源",
            "sources": "来源",
            "quote": "引文",
            "original": "原文",
            "title_en": "英文标题",
            "translation": "英译",
            "as_printed": "原文写法",
            "as_of": "时间",
            "date": "日期",
            "said": "发表于",
            "speaker": "发言者",
            "outlet": "媒体",
            "published": "发表",
            "authors": "作者",
            "kind": "类型",
            "via": "获取途径",
            "archive": "存档文本",
            "errata": "勘误",
            "note": "注",
            "data_producer": "数据来自",
            "conversion": "本站换算",
            "horizon": "预测时点",
            "value": "数值",
            "subject": "对象",
            "measure": "指标",
            "theme": "主题",
            "url": "原始网址",
        },
        "card": {
            "conversion_rate": "汇率 {rate}（{date}）",
            "current_state": "描述的是当前状态；应于{date}前复核。",
            "current_state_nodate": "描述的是当前状态，可能已有变化。",
            "evidence": "证据",
            "evidence_link": "引文与来源",
            "permalink": "本条链接",
            "permalink_short": "永久链接",
        },
        "stale": {
            "label": "可能已过时",
            "review": "已过复核日期。",
            "age": "描述的当前状态已超过{n}个月。",
        },
        "source": {
            "cited_by": "引用此来源的事实",
            "no_facts": "尚无事实引用此来源。",
            "unknown_authors": "作者未署名",
        },
        "chart": {
            "data": "图表数据",
            "range_note": "浅色部分：来源给出的区间。",
        },
        "claims": {
            "other": "其他说法与观点",
            "none": "尚无记录。",
            "no_position": "立场未明",
            "position": "立场",
        },
        "theme": {
            "read": "阅读",
            "none_yet": "本主题尚无证据记录。",
            "figures": "数据",
            "events": "事件",
            "reports": "来源报道的内容",
            "views": "说法、预测与观点",
        },
        "count": {
            "facts": "{n}条事实",
            "fact_one": "1条事实",
            "sources": "{n}个来源",
            "source_one": "1个来源",
        },
        "date": {
            "unknown": "日期不详",
            "undated": "日期不详",
            "month_unknown": "{year}年（月份不详）",
        },
        "text": {"unknown": "不详"},
        "punct": {"comma": "，", "stop": "。", "colon": "：", "paren": "（{}）",
                  "range": "{}至{}", "space": ""},
        "macro_ref": {"param": "参数", "example": "示例", "returns": "输出"},
        "fact_page": {
            "fact": "事实",
            "statement_en": "英文",
            "statement_zh": "中文",
            "quote_heading": "引文",
            "source_heading": "来源",
            "describes": "所述时间",
            "producer": "原始数据来自",
            "related": "同一指标的其他事实",
            "no_related": "此指标没有其他事实。",
            "entities": "相关实体",
            "on_theme": "在主题页中",
            "cite_heading": "引用本条",
            "cite_text": "纯文本",
            "cite_bibtex": "BibTeX",
            "cite_csl": "CSL-JSON",
            "cite_note": "请同时引用本页与原文；引文版权归原出版者。",
            "cite_bib_note": "可把本条与本站其他页面的条目一起粘贴，并在同一参考文献库中加入一次 "
                             "sources.bib：本条通过 related 字段指向其中该文的条目，"
                             "因此不会有重复的条目。",
            "cite_sources_bib": "本站事实所引的全部文章，每篇一条",
            "cite_facts_bib": "全部事实的条目，与各页相同（二者择一使用）",
            "permalink": "永久链接",
            "added": "添加",
            "updated": "更新",
        },
        "citation": {
            "editors": "{site} 编辑部",
            "nd": "无日期",
            "two_authors": "{}、{}",
            "et_al": "{}等",
            "source_short": "{title}（{when}）",
            "bib_note": "本站的陈述与译文，{licence}。引文出自{source}，请一并引用该文；"
                        "其条目见 {file}（{url}）。",
            "bib_comment": "本条引文所出自的文章，其条目 {key} 在 {file} 中：\n"
                           "{url}\n"
                           "请把该文件加入你的参考文献库一次；下面的条目以 related 字段指向它。",
            "plain": "{ours}{url}（许可：{licence}）。引文出自：{source}",
        },
        "entity_page": {
            "entity": "实体",
            "kind": "类型",
            "aliases": "其他写法",
            "parent": "隶属",
            "children": "包括",
            "about": "相关事实",
            "said": "其言论",
            "depends": "依据",
            "no_facts": "尚无事实提及。",
            "all_entities": "全部实体",
        },
        "entity": {
            EntityKind.company.value: "公司",
            EntityKind.person.value: "人物",
            EntityKind.government_body.value: "政府机构",
            EntityKind.investor.value: "投资方",
            EntityKind.model.value: "模型",
            EntityKind.country.value: "国家",
            EntityKind.organisation.value: "组织",
            EntityKind.university.value: "大学",
            EntityKind.data_producer.value: "数据提供方",
            EntityKind.media.value: "媒体",
            EntityKind.product.value: "产品",
        },
        "downloads": {
            "file": "文件",
            "rows": "行数",
            "about_file": "内容",
            "field": "字段",
            "meaning": "含义",
            "per_measure": "按指标",
            "per_measure_note": "每个指标一个整洁的 CSV 文件：每个数字一行，各列说明见下。",
            "type": "类型",
            "no_rows": "—",
            "fields_facts": "facts.csv 和 facts-excel.csv 的字段",
            "fields_measures": "各指标文件的字段",
            "fields_sources": "sources.csv 的字段",
            "fields_entities": "entities.csv 的字段",
            "fields_facts_note": "facts.json 含有相同的字段，其中 statement、note 和 quantity "
                                 "为嵌套对象，列表仍为列表；派生列（主体名称、period_start、"
                                 "period_end、aggregate）仅见于 CSV。",
            "attribution": "需署名的来源",
            "dataset_description": "关于中美人工智能竞争的事实，每条都有中文来源的原文摘录为据，"
                                   "并附来源和所涉实体。",
            "dataset_keywords": "人工智能, 美国, 中国, 出口管制, 风险投资, 人工智能人才, 开源人工智能",
        },
        "changes": {
            "none": "尚无更改记录。",
            "feed": "这些更改的 Atom 订阅源",
            "added": "添加",
            "updated": "更新",
            "feed_title": "{site}：证据更新",
            "feed_subtitle": "证据库中新增或更新的每一条事实，最新的在前，每条附其所依据的原文摘录。",
            "feed_author": "{site} 编辑部",
            "feed_rights": "我们的文字和数据：{licence}。引文版权归原发布者所有。",
            "feed_entry": "{action}：{statement}",
            "feed_summary": "{statement} 原文：{quote}",
        },
        "ref": {
            "evidence": "证据{n}",
            "label": "证据{n}：{statement}",
            "sr_open": "（证据",
            "sr_close": "）",
            "to_card": "证据卡片",
            "cited": "正文引用处",
            "back": "回到正文第{i}处引用",
        },
        "strength": {
            "label": "来源强度",
            "legend_channel": "发表于何处",
            "legend_retelling": "转述与转载",
            "legend_producer": "出处",
            "channel_news-outlet": "新闻机构",
            "channel_self-media": "自媒体",
            "channel_blog": "个人博客",
            "channel_unknown": "不详",
            "standing_news-outlet": "{kind}",
            "standing_self-media": "自媒体{kind}",
            "standing_blog": "个人博客上的{kind}",
            "standing_unknown": "{kind}",
            "summary_named": "转述他人文章的{standing}",
            "summary_unnamed": "转述未具名文章的{standing}",
            "translation_named": "注明原文的{standing}",
            "translation_unnamed": "来源不明的{standing}",
            "reposted": "{standing}（转载）",
            "note_news-outlet": "由新闻机构以自己的名义发表，经过编辑。",
            "note_self-media": "由自媒体平台（如微信公众号、网易号）上的账号发表，中间没有平台的编辑。",
            "note_blog": "发表于个人博客。",
            "note_unknown": "文中没有说明最初发表于何处。",
            "note_summary_named": "它转述另一位作者的文章（{original}）：观点属于那位作者，经转述呈现。",
            "note_summary_unnamed": "它转述另一篇文章，但未注明是哪一篇。",
            "note_translation_named": "它是{original}的译文。",
            "note_translation_unnamed": "它是一篇译文；原文、原刊媒体和译者均未注明。",
            "note_reposted": "我们所存的文本是{by}的转载。",
            "legend_summary": "转述他人文章：观点属于原作者，按转述者的文字呈现。",
            "legend_translation": "译文：原文未注明时标为“来源不明”，无法与原文核对。",
            "legend_reposted": "转载：我们所存的是他人的转载，而非发表者自己的页面。",
            "named": "出处具名：{producer}",
            "unnamed": "出处未具名：{producer}",
            "unstated": "未说明出处",
            "note_named": "来源写明了数据或结论出自谁，可以向其核对。",
            "note_unnamed": "来源转述了未具名者的说法，无法进一步追溯。",
            "note_unstated": "来源给出了这个数字，但没有说明出自谁。",
            "legend_named": "出处具名：来源写明所转述的数据或结论出自谁（PitchBook、MacroPolo、"
                            "AI Index等）。",
            "legend_unnamed": "出处未具名：转述了未具名者（“最近一项研究”“据报道”）。",
            "legend_unstated": "未说明出处：给出数字，却没有说明它从何而来。",
        },
        "source_kind": {
            SourceKind.news_report.value: "新闻报道",
            SourceKind.analysis.value: "分析",
            SourceKind.opinion_column.value: "评论专栏",
            SourceKind.commentary.value: "评论",
            SourceKind.translation.value: "译文",
            SourceKind.opinion.value: "观点",
        },
    },
}

THEMES: dict[str, dict[Theme, tuple[str, str]]] = {
    "en": {
        Theme.compute: ("Compute", "Chips, data centres and the export controls that ration them."),
        Theme.capital: ("Capital", "Who funds Chinese AI, and what happens as US money pulls back."),
        Theme.talent: ("Talent", "Where top AI researchers are trained, and where they choose to work."),
        Theme.open_source: ("Open source", "Building on open models, and who now builds on whose."),
    },
    "zh": {
        Theme.compute: ("算力", "芯片、数据中心，以及限制它们的出口管制。"),
        Theme.capital: ("资本", "谁在资助中国人工智能，美国资金撤离又意味着什么。"),
        Theme.talent: ("人才", "顶尖人工智能研究者在哪里受训，又选择在哪里工作。"),
        Theme.open_source: ("开源", "基于开源模型的发展，以及谁在依靠谁。"),
    },
}


def check_lang(lang: str) -> str:
    """``lang`` if the site has that language, else ValueError."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGS}")
    return lang
