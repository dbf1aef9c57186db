"""Phrasings in other languages; the domain's slots stay as they are (agents mix languages in practice)."""
from intents import doc, pick

FOREIGN = {
    "es": {
        "simple": [lambda d, r: f"¿Cuál es el estado de {pick(r, d['ids'])}?", lambda d, r: f"Clasifica este mensaje como positivo, negativo o neutro: «{pick(r, d['msgs'])}»",
                   lambda d, r: f"Extrae la fecha y el importe de este texto:\n{doc(d, r, 4)}", lambda d, r: "hola, gracias por la ayuda"],
        "moderate": [lambda d, r: f"Resume este texto en tres frases:\n{doc(d, r, pick(r, [6, 20, 80]))}", lambda d, r: f"Explícame qué es {pick(r, d['concepts'])} con palabras sencillas.",
                     lambda d, r: f"Escribe un correo breve a {pick(r, d['people'])} sobre esto: {pick(r, d['msgs'])}"],
        "complex": [lambda d, r: f"Escribe una función en Python que {pick(r, d['code'])}, con pruebas unitarias.", lambda d, r: f"Analiza {pick(r, d['subjects'])} y recomienda una estrategia, con escenarios, riesgos y cifras.",
                    lambda d, r: f"Elabora un plan detallado de {r.randrange(4, 12)} semanas para {pick(r, d['goals'])}, con dependencias y riesgos."],
    },
    "fr": {
        "simple": [lambda d, r: f"Quel est le statut de {pick(r, d['ids'])} ?", lambda d, r: f"Traduis en anglais : « {pick(r, ['Le colis est arrivé abîmé.', 'Merci pour votre retour.', 'Je voudrais annuler ma commande.'])} »",
                   lambda d, r: f"Donne-moi juste le {pick(r, d['fields'])} de {pick(r, d['ids'])}.", lambda d, r: "merci beaucoup, c'est parfait"],
        "moderate": [lambda d, r: f"Résume ce document pour l'équipe :\n{doc(d, r, pick(r, [6, 20, 80]))}", lambda d, r: f"Explique-moi {pick(r, d['concepts'])} simplement.",
                     lambda d, r: f"Rédige une réponse polie à ce client : {pick(r, d['msgs'])}"],
        "complex": [lambda d, r: f"Écris un script Python qui {pick(r, d['code'])}, avec gestion des erreurs.", lambda d, r: f"Analyse en détail {pick(r, d['subjects'])} et propose un plan d'action chiffré avec les risques.",
                    lambda d, r: "Démontre que la somme des n premiers entiers impairs vaut n², étape par étape."],
    },
    "de": {
        "simple": [lambda d, r: f"Wie ist der Status von {pick(r, d['ids'])}?", lambda d, r: f"Ordne diese Nachricht einer Kategorie zu (Rechnung, Technik, Konto): „{pick(r, d['msgs'])}“",
                   lambda d, r: f"Welches Datum steht in diesem Text?\n{doc(d, r, 3)}", lambda d, r: "Danke, das war's schon"],
        "moderate": [lambda d, r: f"Fasse diesen Text kurz zusammen:\n{doc(d, r, pick(r, [6, 20, 80]))}", lambda d, r: f"Erkläre mir {pick(r, d['concepts'])} in einfachen Worten.",
                     lambda d, r: f"Schreib eine kurze E-Mail an {pick(r, d['people'])} wegen: {pick(r, d['msgs'])}"],
        "complex": [lambda d, r: f"Schreibe eine Go-Funktion, die {pick(r, d['code'])}, inklusive Tests.", lambda d, r: f"Erstelle einen detaillierten Projektplan, um {pick(r, d['goals'])}, mit Meilensteinen, Risiken und Abhängigkeiten.",
                    lambda d, r: f"Analysiere {pick(r, d['subjects'])} gründlich, vergleiche die Optionen und gib eine begründete Empfehlung."],
    },
    "pt": {
        "simple": [lambda d, r: f"Qual é o status de {pick(r, d['ids'])}?", lambda d, r: f"Classifique esta mensagem como urgente ou não: \"{pick(r, d['msgs'])}\""],
        "moderate": [lambda d, r: f"Resuma este texto em poucos tópicos:\n{doc(d, r, pick(r, [6, 20]))}", lambda d, r: f"Explique o que é {pick(r, d['concepts'])}."],
        "complex": [lambda d, r: f"Crie um plano de {r.randrange(4, 12)} semanas para {pick(r, d['goals'])}, com riscos e marcos.", lambda d, r: f"Escreva um programa em Java que {pick(r, d['code'])}."],
    },
    "it": {
        "simple": [lambda d, r: f"Qual è lo stato di {pick(r, d['ids'])}?", lambda d, r: "ciao, grazie mille!"],
        "moderate": [lambda d, r: f"Riassumi questo testo:\n{doc(d, r, pick(r, [6, 20]))}", lambda d, r: f"Scrivi una breve email a {pick(r, d['people'])}: {pick(r, d['msgs'])}"],
        "complex": [lambda d, r: f"Analizza {pick(r, d['subjects'])} e proponi una strategia con scenari e rischi.", lambda d, r: f"Scrivi una funzione Python che {pick(r, d['code'])}."],
    },
    "zh": {
        "simple": [lambda d, r: f"{pick(r, d['ids'])}的状态是什么？", lambda d, r: f"把这条消息分类为正面、负面或中性：“{pick(r, d['msgs'])}”"],
        "moderate": [lambda d, r: f"请总结下面的内容：\n{doc(d, r, pick(r, [6, 20]))}", lambda d, r: f"请用简单的话解释{pick(r, d['concepts'])}。"],
        "complex": [lambda d, r: f"写一个Python函数，{pick(r, d['code'])}，并附上单元测试。", lambda d, r: f"请详细分析{pick(r, d['subjects'])}，给出建议、风险评估和实施计划。"],
    },
    "ja": {
        "simple": [lambda d, r: f"{pick(r, d['ids'])}のステータスを教えてください。", lambda d, r: "ありがとうございます！"],
        "moderate": [lambda d, r: f"次の文章を要約してください：\n{doc(d, r, pick(r, [6, 20]))}", lambda d, r: f"{pick(r, d['concepts'])}について簡単に説明してください。"],
        "complex": [lambda d, r: f"{pick(r, d['subjects'])}を分析して、リスクと推奨事項、実行計画をまとめてください。", lambda d, r: f"{pick(r, d['code'])}プログラムをRustで書いてください。"],
    },
}
