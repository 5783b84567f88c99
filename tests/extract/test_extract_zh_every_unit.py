"""Every unit issue 13 lists, in a sentence of each style: Mainland (Simplified), Hong Kong and Taiwan
(Traditional, with their own words: 公頃, 畝, 噸, 加侖, 攝氏度). Each must come back with its value and
pint unit, never as a bare number."""

import pytest

from checker.resolve import extract_resolved

CASES = [
    ("京沪高铁全长1318公里，设24个车站。", "1318公里", 1318.0, "kilometer"),  # 公里, Mainland
    ("港珠澳大橋全長55公里，連接三地。", "55公里", 55.0, "kilometer"),  # 公里, Hong Kong
    ("台灣高鐵全長350公里，南北一日生活圈。", "350公里", 350.0, "kilometer"),  # 公里, Taiwan
    ("该引水隧洞长12千米，明年贯通。", "12千米", 12.0, "kilometer"),  # 千米, Mainland
    ("新隧道長4.8千米，預計年底通車。", "4.8千米", 4.8, "kilometer"),  # 千米, Hong Kong
    ("這條步道全長2.5千米，沿途可賞楓。", "2.5千米", 2.5, "kilometer"),  # 千米, Taiwan
    ("这座电视塔高468米。", "468米", 468.0, "meter"),  # 米, Mainland
    ("環球貿易廣場高484米。", "484米", 484.0, "meter"),  # 米, Hong Kong
    ("台北101大樓高508米。", "508米", 508.0, "meter"),  # 米, Taiwan
    ("他身高182公分，是队里最高的。", "182公分", 182.0, "centimeter"),  # 公分, Mainland
    ("今年降雨令水位上升30公分。", "30公分", 30.0, "centimeter"),  # 公分, Hong Kong
    ("這名球員身高198公分。", "198公分", 198.0, "centimeter"),  # 公分, Taiwan
    ("积雪深度达到25厘米。", "25厘米", 25.0, "centimeter"),  # 厘米, Mainland
    ("這隻海龜長約80厘米。", "80厘米", 80.0, "centimeter"),  # 厘米, Hong Kong
    ("新生兒身長50厘米。", "50厘米", 50.0, "centimeter"),  # 厘米, Taiwan
    ("当天降雨量达120毫米。", "120毫米", 120.0, "millimeter"),  # 毫米, Mainland
    ("天文台錄得雨量超過200毫米。", "200毫米", 200.0, "millimeter"),  # 毫米, Hong Kong
    ("中央氣象署預估累積雨量達600毫米。", "600毫米", 600.0, "millimeter"),  # 毫米, Taiwan
    ("飓风中心最大风速每小时120英里。", "120英里", 120.0, "mile"),  # 英里, Mainland
    ("賽道全長3.1英里。", "3.1英里", 3.1, "mile"),  # 英里, Hong Kong
    ("這段公路全長26英里。", "26英里", 26.0, "mile"),  # 英里, Taiwan
    ("这架飞机在3万英尺高空巡航。", "3万英尺", 30000.0, "foot"),  # 英尺, Mainland
    ("大廈樓高1000英尺。", "1000英尺", 1000.0, "foot"),  # 英尺, Hong Kong
    ("無人機飛行高度不得超過400英尺。", "400英尺", 400.0, "foot"),  # 英尺, Taiwan
    ("新款手机屏幕为6.1英寸。", "6.1英寸", 6.1, "inch"),  # 英寸, Mainland
    ("電視屏幕尺寸為65英寸。", "65英寸", 65.0, "inch"),  # 英寸, Hong Kong
    ("這款筆電螢幕為14英寸。", "14英寸", 14.0, "inch"),  # 英寸, Taiwan
    ("渔船在距岸12海里处作业。", "12海里", 12.0, "nautical_mile"),  # 海里, Mainland
    ("漁船於離岸200海里處作業。", "200海里", 200.0, "nautical_mile"),  # 海里, Hong Kong
    ("共軍艦艇在距岸24海里處活動。", "24海里", 24.0, "nautical_mile"),  # 海里, Taiwan
    ("新区规划面积1200平方公里。", "1200平方公里", 1200.0, "kilometer ** 2"),  # 平方公里, Mainland
    ("香港陸地面積約1110平方公里。", "1110平方公里", 1110.0, "kilometer ** 2"),  # 平方公里, Hong Kong
    ("台灣本島面積約3.6萬平方公里。", "3.6萬平方公里", 36000.0, "kilometer ** 2"),  # 平方公里, Taiwan
    ("新馆建筑面积8万平方米。", "8万平方米", 80000.0, "meter ** 2"),  # 平方米, Mainland
    ("商場樓面面積達5萬平方米。", "5萬平方米", 50000.0, "meter ** 2"),  # 平方米, Hong Kong
    ("新建館舍面積達3000平方米。", "3000平方米", 3000.0, "meter ** 2"),  # 平方米, Taiwan
    ("山火已烧毁200平方英里林地。", "200平方英里", 200.0, "mile ** 2"),  # 平方英里, Mainland
    ("山火燒毀逾300平方英里土地。", "300平方英里", 300.0, "mile ** 2"),  # 平方英里, Hong Kong
    ("野火延燒面積達150平方英里。", "150平方英里", 150.0, "mile ** 2"),  # 平方英里, Taiwan
    ("保护区面积3.5万公顷。", "3.5万公顷", 35000.0, "hectare"),  # 公顷, Mainland
    ("郊野公園佔地約4000公頃。", "4000公頃", 4000.0, "hectare"),  # 公顷, Hong Kong
    ("這片造林地約1200公頃。", "1200公頃", 1200.0, "hectare"),  # 公顷, Taiwan
    ("全县种植水稻45万亩。", "45万亩", 450000.0, "mu"),  # 亩, Mainland
    ("農場佔地約300畝。", "300畝", 300.0, "mu"),  # 亩, Hong Kong
    ("果園佔地約20畝。", "20畝", 20.0, "mu"),  # 亩, Taiwan
    ("水库库容为2.3亿立方米。", "2.3亿立方米", 230000000.0, "meter ** 3"),  # 立方米, Mainland
    ("水塘容量達2500萬立方米。", "2500萬立方米", 25000000.0, "meter ** 3"),  # 立方米, Hong Kong
    ("水庫有效蓄水量約4.5億立方米。", "4.5億立方米", 450000000.0, "meter ** 3"),  # 立方米, Taiwan
    ("这款车百公里油耗仅5.8升。", "5.8升", 5.8, "liter"),  # 升, Mainland
    ("每人每日用水約130升。", "130升", 130.0, "liter"),  # 升, Hong Kong
    ("油箱容量為60升。", "60升", 60.0, "liter"),  # 升, Taiwan
    ("每瓶装500毫升。", "500毫升", 500.0, "milliliter"),  # 毫升, Mainland
    ("每支疫苗劑量為0.5毫升。", "0.5毫升", 0.5, "milliliter"),  # 毫升, Hong Kong
    ("每罐飲料容量為330毫升。", "330毫升", 330.0, "milliliter"),  # 毫升, Taiwan
    ("油罐车装载8000加仑汽油。", "8000加仑", 8000.0, "gallon"),  # 加仑, Mainland
    ("泳池容量約6萬加侖。", "6萬加侖", 60000.0, "gallon"),  # 加仑, Hong Kong
    ("貨輪載有200萬加侖燃油。", "200萬加侖", 2000000.0, "gallon"),  # 加仑, Taiwan
    ("今年粮食产量达6.9亿吨。", "6.9亿吨", 690000000.0, "metric_ton"),  # 吨, Mainland
    ("本港每日產生約1.1萬噸垃圾。", "1.1萬噸", 11000.0, "metric_ton"),  # 吨, Hong Kong
    ("台灣去年稻米產量約120萬噸。", "120萬噸", 1200000.0, "metric_ton"),  # 吨, Taiwan
    ("这头大熊猫体重120公斤。", "120公斤", 120.0, "kilogram"),  # 公斤, Mainland
    ("海關檢獲約20公斤可卡因。", "20公斤", 20.0, "kilogram"),  # 公斤, Hong Kong
    ("這顆西瓜重達15公斤。", "15公斤", 15.0, "kilogram"),  # 公斤, Taiwan
    ("每千克售价30元，共售出500千克。", "500千克", 500.0, "kilogram"),  # 千克, Mainland
    ("行李限重23千克。", "23千克", 23.0, "kilogram"),  # 千克, Hong Kong
    ("這批貨物淨重800千克。", "800千克", 800.0, "kilogram"),  # 千克, Taiwan
    ("每份含糖量不超过25克。", "25克", 25.0, "gram"),  # 克, Mainland
    ("每個月餅重約180克。", "180克", 180.0, "gram"),  # 克, Hong Kong
    ("每包零食含鈉400克。", "400克", 400.0, "gram"),  # 克, Taiwan
    ("猪肉每斤涨到15元，他买了三斤半。", "三斤半", 3.5, "jin"),  # 斤, Mainland
    ("他今年減重20斤。", "20斤", 20.0, "jin"),  # 斤, Hong Kong
    ("這條魚重達5斤。", "5斤", 5.0, "jin"),  # 斤, Taiwan
    ("她买了二两龙井茶。", "二两", 2.0, "liang"),  # 两, Mainland
    ("每次只需二兩花膠。", "二兩", 2.0, "liang"),  # 两, Hong Kong
    ("他買了三兩烏龍茶。", "三兩", 3.0, "liang"),  # 两, Taiwan
    ("这名婴儿出生时重8磅。", "8磅", 8.0, "pound"),  # 磅, Mainland
    ("新生嬰兒重7磅。", "7磅", 7.0, "pound"),  # 磅, Hong Kong
    ("這名選手體重達250磅。", "250磅", 250.0, "pound"),  # 磅, Taiwan
    ("国际金价每盎司2300美元，他买了10盎司。", "10盎司", 10.0, "ounce"),  # 盎司, Mainland
    ("金價升至每盎司2400美元，他買入5盎司。", "5盎司", 5.0, "ounce"),  # 盎司, Hong Kong
    ("他購入20盎司黃金。", "20盎司", 20.0, "ounce"),  # 盎司, Taiwan
    ("北京今天最高气温38摄氏度。", "38摄氏度", 38.0, "degree_Celsius"),  # 摄氏度, Mainland
    ("天文台錄得最高氣溫34攝氏度。", "34攝氏度", 34.0, "degree_Celsius"),  # 摄氏度, Hong Kong
    ("台北今天氣溫高達37攝氏度。", "37攝氏度", 37.0, "degree_Celsius"),  # 摄氏度, Taiwan
    ("当天最高气温达到40℃。", "40℃", 40.0, "degree_Celsius"),  # ℃, Mainland
    ("市區氣溫降至8℃。", "8℃", 8.0, "degree_Celsius"),  # ℃, Hong Kong
    ("玉山氣溫降至零下5℃。", "零下5℃", -5.0, "degree_Celsius"),  # ℃, Taiwan
    ("纽约气温降至20华氏度。", "20华氏度", 20.0, "degree_Fahrenheit"),  # 华氏度, Mainland
    ("紐約氣溫跌至15華氏度。", "15華氏度", 15.0, "degree_Fahrenheit"),  # 华氏度, Hong Kong
    ("美國中西部氣溫低至零下20華氏度。", "零下20華氏度", -20.0, "degree_Fahrenheit"),  # 华氏度, Taiwan
    ("凤凰城气温高达115℉。", "115℉", 115.0, "degree_Fahrenheit"),  # ℉, Mainland
    ("拉斯維加斯氣溫高達110℉。", "110℉", 110.0, "degree_Fahrenheit"),  # ℉, Hong Kong
    ("德州氣溫飆至105℉。", "105℉", 105.0, "degree_Fahrenheit"),  # ℉, Taiwan
    ("今天最高气温35度。", "35度", 35.0, "degree"),  # 度, Mainland
    ("天文台預測氣溫高見33度。", "33度", 33.0, "degree"),  # 度, Hong Kong
    ("台南今天高溫36度。", "36度", 36.0, "degree"),  # 度, Taiwan
    ("列车最高运行速度350公里/小时。", "350公里/小时", 350.0, "kilometer / hour"),  # 公里/小时, Mainland
    ("颱風最高風速達185公里/小時。", "185公里/小時", 185.0, "kilometer / hour"),  # 公里/小时, Hong Kong
    ("列車最高時速300公里/小時。", "300公里/小時", 300.0, "kilometer / hour"),  # 公里/小时, Taiwan
    ("全年发电量达1000亿千瓦时。", "1000亿千瓦时", 100000000000.0, "kilowatt_hour"),  # 千瓦时, Mainland
    ("每戶每月用電約300千瓦時。", "300千瓦時", 300.0, "kilowatt_hour"),  # 千瓦时, Hong Kong
    ("核電廠年發電量約90億千瓦時。", "90億千瓦時", 9000000000.0, "kilowatt_hour"),  # 千瓦时, Taiwan
]


@pytest.mark.parametrize(("text", "figure", "value", "unit"), CASES, ids=[c[1] for c in CASES])
def test_each_unit_in_each_style(text, figure, value, unit):
    physical = [(q.text, q.unit) for q in extract_resolved(text) if q.kind == "physical"]
    assert (figure, unit) in physical
    [read] = [q for q in extract_resolved(text) if q.text == figure]
    assert read.value == pytest.approx(value)
