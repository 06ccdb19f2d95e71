"""Month names in the languages crosswire reads: where a number is a date, not a figure
(``compare.numbers``), and where a line is an article's dateline (``text.sentences``).

Case-folded, as ``digest.text.words`` gives words; several forms per language where dates
inflect them (Czech "8. ledna" and "leden", Hebrew "בינואר", "in January").
"""

from __future__ import annotations

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre januar februar märz juni juli "
    "oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre "
    # it, pt, nl
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre janeiro "
    "fevereiro março maio junho julho setembro outubro dezembro januari februari maart mei "
    "augustus "
    # pl, cs (as after a day: "3 stycznia", "8. ledna", and as named), tr, ru
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia ledna února března dubna května června července srpna září října "
    "listopadu prosince leden únor březen duben květen červen červenec srpen říjen listopad "
    "prosinec ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım "
    "aralık января февраля марта апреля мая июня июля августа сентября октября ноября "
    "декабря "
    # el (as after a day, and as named), he (with and without "in"), hi
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
    "οκτωβρίου νοεμβρίου δεκεμβρίου ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος ιούνιος "
    "ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος "
    "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר "
    "בינואר בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר "
    "מרס במרס "
    "जनवरी फ़रवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर "
    "नवंबर नवम्बर दिसंबर दिसम्बर "
    # ar: the Gregorian names of Egypt and the Maghreb, and the Levant's
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر "
    "أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين".split()
)
