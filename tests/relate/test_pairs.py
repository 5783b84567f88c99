"""Conversion pairs found in real phrasing, through the real extractor, and the sentences that are not pairs."""

import pytest

from checker.resolve import extract_resolved as extract  # extract, then the block settles shared currency names
from checker.relate import relate


def pairs(text):
    return [
        (r.quantities[0].text, r.quantities[1].text)
        for r in relate(text, extract(text))
        if r.kind == "conversion"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI",
         ("600 billion yuan", "$8.5 billion")),
        ("The fund has raised almost 700 billion yuan ($96 billion) since 2014.",
         ("700 billion yuan", "$96 billion")),
        ("Toshiba will cut costs by 1.5 billion yen (about $10 million) this year.",
         ("1.5 billion yen", "$10 million")),
        ("The bank lent €3.2bn, or about $3.5bn, to the utility.", ("€3.2bn", "$3.5bn")),
        ("It paid HK$12 billion, or US$1.5 billion, for the site.", ("HK$12 billion", "US$1.5 billion")),
        ("The budget is Rs 5,000 crore, equivalent to $600 million.", ("Rs 5,000 crore", "$600 million")),
        ("a £2.3bn — roughly $2.9bn — takeover", ("£2.3bn", "$2.9bn")),
        ("The deal is worth 10 mln dlrs (6.3 mln stg).", ("10 mln dlrs", "6.3 mln stg")),
        ("Profit rose to RMB700bn (US$96bn) last year.", ("RMB700bn", "US$96bn")),
        ("The state fund holds 6000亿元（85亿美元）.", ("6000亿元", "85亿美元")),
        ("该基金规模达6000亿元人民币（约合850亿美元）。", ("6000亿元人民币", "850亿美元")),
    ],
)
def test_pairs_are_found(text, expected):
    assert expected in pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        # Two amounts in one sentence that do not claim to be the same value.
        "The company raised 5 billion yuan and spent $2 million on marketing.",
        "Revenue rose to $5 billion from $4.2 billion a year earlier.",
        "Sales were $3 billion in Asia, €2 billion in Europe and £1 billion in Britain.",
        # Same currency on both sides is a restatement or a range, not a conversion.
        "The fund grew to $96 billion (up from $80 billion).",
        "Analysts expect $5-6 billion in bids.",
        # A parenthesis that goes on after the second amount is an aside, not a conversion.
        "It spent 600 billion yuan (of which $8.5 billion went abroad (mostly to Africa)) last year.",
        # The second part of an imperial measure is not converted on its own.
        "He stands 6 feet 2 inches (1.88 metres) tall.",
        "The baby weighed 7 pounds 4 ounces (3.3 kg).",
        # Years and model names are not amounts at all.
        "Since 2014 the fund has backed firms making the H20 and A100 chips.",
    ],
)
def test_non_pairs_are_left_alone(text):
    assert pairs(text) == []


def test_pair_keeps_its_hedge():
    text = "The fund raised 700 billion yuan (about $96 billion)."
    relation = relate(text, extract(text))[0]
    assert relation.hedge == "about"


@pytest.mark.parametrize("text, expected", [
    ("Tickets range from $5 to $10 (£4 to £8) depending on the seat.", [("$5", "£4"), ("$10", "£8")]),
    ("Temperatures will range from 20C to 25C (68F to 77F) this week.", [("20C", "68F"), ("25C", "77F")]),
])
def test_a_range_and_its_converted_range_pair_end_to_end(text, expected):
    assert sorted(pairs(text)) == sorted(expected)
