"""Word lists for the Chinese grammar: currency names, hedges, and words that only look numeric.

Names are given in folded (simplified) form, see `chinese_numerals.fold`; traditional
spellings reach them through that fold.
"""

from __future__ import annotations

# Currency written after the number, longest names first in the grammar. ISO 4217 codes;
# None for what has no code (bitcoin is reported with a unit instead).
CURRENCY_SUFFIXES: dict[str, str | None] = {
    "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "圆": "CNY", "块钱": "CNY",
    "美元": "USD", "美圆": "USD", "美金": "USD", "美刀": "USD",
    "港元": "HKD", "港币": "HKD", "港圆": "HKD",
    "新台币": "TWD", "台币": "TWD",
    "澳门元": "MOP", "澳门币": "MOP", "澳元": "AUD", "澳大利亚元": "AUD",
    "日元": "JPY", "日圆": "JPY",
    "欧元": "EUR", "英镑": "GBP", "瑞士法郎": "CHF", "瑞郎": "CHF",
    "韩元": "KRW", "卢布": "RUB", "印度卢比": "INR", "卢比": "INR",
    "加元": "CAD", "加拿大元": "CAD", "新加坡元": "SGD", "新元": "SGD",
    "新西兰元": "NZD", "纽元": "NZD", "泰铢": "THB", "林吉特": "MYR", "越南盾": "VND",
    "兰特": "ZAR", "里拉": "TRY", "雷亚尔": "BRL", "迪拉姆": "AED", "里亚尔": "SAR",
    "奈拉": "NGN", "比索": None, "比特币": None,
    "元新台币": "TWD", "元台币": "TWD", "元港币": "HKD", "元澳门币": "MOP",
    "韩圆": "KRW", "韩币": "KRW", "日币": "JPY", "港纸": "HKD", "加币": "CAD", "澳币": "AUD",
    "纽币": "NZD", "新币": "SGD", "马币": "MYR", "令吉": "MYR", "泰币": "THB", "印尼盾": "IDR",
    "印度尼西亚盾": "IDR", "埃及镑": "EGP", "格里夫纳": "UAH", "坚戈": "KZT", "兹罗提": "PLN",
    "福林": "HUF", "列伊": "RON", "瑞典克朗": "SEK", "挪威克朗": "NOK", "丹麦克朗": "DKK",
    "捷克克朗": "CZK", "克朗": None, "土耳其里拉": "TRY", "南非兰特": "ZAR", "巴西雷亚尔": "BRL",
    "沙特里亚尔": "SAR", "卡塔尔里亚尔": "QAR", "伊朗里亚尔": "IRR", "阿联酋迪拉姆": "AED",
    "巴基斯坦卢比": "PKR", "斯里兰卡卢比": "LKR", "尼泊尔卢比": "NPR", "俄罗斯卢布": "RUB",
    "阿根廷比索": "ARS", "墨西哥比索": "MXN", "菲律宾比索": "PHP", "智利比索": "CLP",
    "哥伦比亚比索": "COP", "披索": None, "肯尼亚先令": "KES", "先令": None, "埃塞俄比亚比尔": "ETB",
    "以色列新谢克尔": "ILS", "新谢克尔": "ILS", "谢克尔": "ILS", "缅元": "MMK", "柬埔寨瑞尔": "KHR",
    "基普": "LAK", "图格里克": "MNT", "苏姆": "UZS", "卢布": "RUB", "英磅": "GBP",
}

# Currency names printed before the amount: 新台币52.3亿元, 港币4180元, 人民币35.4万元.
CURRENCY_NAMES_BEFORE: dict[str, str] = {
    "人民币": "CNY", "新台币": "TWD", "台币": "TWD", "港币": "HKD", "澳门币": "MOP",
    "美金": "USD", "日币": "JPY", "韩币": "KRW", "澳币": "AUD", "加币": "CAD",
}

# Names shared by several currencies, settled by the one country the paragraph names
# (比索 in a story about Argentina is the Argentine peso); unsettled they stay without a code.
NAMES_BY_COUNTRY: dict[str, dict[str, str]] = {
    "比索": {"阿根廷": "ARS", "墨西哥": "MXN", "菲律宾": "PHP", "智利": "CLP", "哥伦比亚": "COP", "乌拉圭": "UYU"},
    "披索": {"阿根廷": "ARS", "墨西哥": "MXN", "菲律宾": "PHP", "智利": "CLP", "哥伦比亚": "COP"},
    "克朗": {"瑞典": "SEK", "挪威": "NOK", "丹麦": "DKK", "捷克": "CZK", "冰岛": "ISK"},
    "先令": {"肯尼亚": "KES", "坦桑尼亚": "TZS", "乌干达": "UGX", "索马里": "SOS"},
    "卢比": {"巴基斯坦": "PKR", "斯里兰卡": "LKR", "尼泊尔": "NPR", "印度": "INR", "毛里求斯": "MUR"},
    "里亚尔": {"沙特": "SAR", "伊朗": "IRR", "卡塔尔": "QAR", "阿曼": "OMR", "也门": "YER"},
    "迪拉姆": {"阿联酋": "AED", "迪拜": "AED", "摩洛哥": "MAD"},
}

# Units with no ISO code of their own, reported in `unit` so the amount is not mistaken
# for a plain number. 比索 names several currencies (MXN, PHP, ARS...), so it stays open.
NON_ISO_UNITS = {"比特币": "bitcoin", "比索": "peso", "披索": "peso", "克朗": "krone", "先令": "shilling"}

# Minor units after a major one ("五元三毛", "两美元又三美分"), as a fraction of the major unit.
MINOR_UNITS: dict[str, dict[str, float]] = {
    "CNY": {"角": 0.1, "毛": 0.1, "分": 0.01},
    "USD": {"美分": 0.01},
    "HKD": {"仙": 0.01},
    "EUR": {"欧分": 0.01},
    "GBP": {"便士": 0.01},
}

# Symbols written before the number; ¥ is the yuan in Chinese copy but may be the yen.
CURRENCY_PREFIXES: dict[str, tuple[str, ...]] = {"￥": ("CNY", "JPY"), "¥": ("CNY", "JPY")}

# Hedges written before the amount, and after it.
HEDGES_BEFORE = (
    "大约", "约合", "约为", "约", "将近", "接近", "近", "超过", "超出", "超", "逾", "不到",
    "不足", "至少", "最多", "多达", "高于", "低于", "少于", "多于",
)
HEDGES_AFTER = ("左右", "以上", "以下", "上下", "多", "余")

# Words containing numeral characters that are not numbers. A numeral lying wholly inside
# one of them is dropped ("一切", "四川"), while a longer numeral overlapping one is kept
# ("一千万" survives "千万").
NOT_NUMBERS = (
    "一切", "一些", "一起", "一直", "一定", "一样", "一般", "一旦", "一致", "一再", "一向",
    "一律", "一同", "一度", "一方面", "一边", "一面", "一下", "一点儿", "一会", "一阵", "一时",
    "一番", "一贯", "一概", "一并", "一路", "一旁", "一带", "一举", "一系列", "一流", "一体",
    "零售", "零件", "零部件", "零食", "零星", "零散", "一线", "一手", "一看", "一心", "一味", "一身", "一新", "统一", "唯一", "万一", "之一",
    "不一", "一一", "十分", "两两", "三星", "四川", "大陆", "陆地", "陆续", "登陆", "着陆",
    "海陆", "陆军", "入伍", "退伍", "队伍", "伍仁", "收拾", "拾取", "拾起", "拾到", "夕拾",
    "放肆", "肆意", "肆无忌惮", "千方百计", "百姓", "百货", "百科", "乱七八糟", "七嘴八舌",
    "五花八门", "三心二意", "一帆风顺", "九州", "十足", "千万别", "千万不",
    # Taiwan and Hong Kong copy: 陆 is the mainland (陆资 mainland capital, 陆客 mainland tourists).
    "陆资", "陆企", "陆客", "陆生", "陆配", "陆委会", "陆方", "陆媒", "陆股", "陆港", "陆系", "陆上",
    "陆路", "陆空", "陆海", "内陆", "陆家嘴", "陆续", "陆籍", "陆商", "陆官", "陆当局", "陆版",
    # 參 folds to the financial 叁, but in traditional copy it is mostly 參議院, 參加, 參與...
    "叁议", "叁加", "叁与", "叁考", "叁观", "叁展", "叁赛", "叁选", "叁谋", "人叁", "叁数", "叁照",
    "叁阅", "叁保", "叁战", "叁股", "叁访", "叁见", "叁众", "叁院",
)
