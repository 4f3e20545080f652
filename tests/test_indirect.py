"""Indirect speech end to end: real sentences through the real pipeline (spaCy's
``fr_core_news_md``, the shipped weights of the ``report`` decision).

Each row is one gold sentence, quoted exactly, with the indirect quote the gold file
gives it: the reported content (from after ``que`` or from the complement to the end of
the clause, without the final period), the speaker mention as the text says it, and the
cue. Ids name the pattern. Known failures stay in the table as strict xfails with the
reason.

Two tables: :data:`EXAMPLES`, the first version's sentences (written from
``news-dev.jsonl`` before it became the held-out set); :data:`TRAIN_EXAMPLES`, the error
classes of issue 7 (indirect speech missed on unseen articles), each from
``../shared/data/gold/news-train.jsonl`` or, where news-train has no instance, the
corpus ``../shared/data/corpus/wikinews-fr.jsonl`` (ids ``corpus-…``, expected values
by the guideline).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import quotesnap
from quotesnap.candidates import may_report
from quotesnap.results import Kind, Quote
from tests.conftest import xfail_param


class Example(NamedTuple):
    id: str
    text: str
    content: str
    speaker: str | None  # the mention, None when the source is not in the sentence
    cue: str
    xfail: str = ""


EXAMPLES = [
    # -- X a déclaré que <content> ---------------------------------------------------------
    Example("que-clause-passe-compose",
            "Dans une interview accordée à l'Associated Press vendredi, Trump a annoncé que "
            "cette réforme comprendra des baisses d'impôts « massives », tant pour les "
            "ménages que pour les entreprises.",
            "cette réforme comprendra des baisses d'impôts « massives », tant pour les "
            "ménages que pour les entreprises",
            "Trump", "annoncé"),
    Example("que-clause-long-subject",
            "En rétrospective, les travailleurs humanitaires présents dans les communautés "
            "africaines touchées par la maladie affirment que l'OMS a été trop lente à "
            "déclarer l'urgence de la situation.",
            "l'OMS a été trop lente à déclarer l'urgence de la situation",
            "les travailleurs humanitaires présents dans les communautés africaines touchées "
            "par la maladie", "affirment"),
    Example("que-clause-headline-without-period",
            "Ebola : l'OMS déclare que l'épidémie est terminée en Afrique de l'Ouest",
            "l'épidémie est terminée en Afrique de l'Ouest", "l'OMS", "déclare"),
    Example("que-clause-referential-il-tagged-expletive",
            "Il ajoute que Benjamin Cauchy et Jacline Mouraud sont désormais « hors course ».",
            "Benjamin Cauchy et Jacline Mouraud sont désormais « hors course »",
            "Il", "ajoute"),
    Example("que-clause-runs-over-a-parser-split",
            "Vers 9h00, Jacline Mouraud a dit qu'il est temps d'arrêter d'être sur les "
            "ronds-points mais qu'il faut « continuer le combat » en allant à la rencontre "
            "des élus et des membres du gouvernement.",
            "il est temps d'arrêter d'être sur les ronds-points mais qu'il faut « continuer "
            "le combat » en allant à la rencontre des élus et des membres du gouvernement",
            "Jacline Mouraud", "dit",
            xfail="the report model keeps none of the clauses proposed in this sentence (the "
            "parser cuts it in two at the hyphen)"),
    Example("que-clause-ends-on-a-quote",
            "Le Figaro dénonce des « blocages scandaleux » dont le journal est victime et "
            "estime qu'ils « témoignent de la surenchère politique radicale de la CGT ».",
            "ils « témoignent de la surenchère politique radicale de la CGT »",
            "Le Figaro", "estime"),
    Example("que-clause-stops-before-participle-cue",
            "Le Syctom, quant à lui, n’a confirmé que le blocage de l’usine d’Ivry-sur-Seine, "
            "qui dure depuis le 30 mai, reconnaissant cependant que le mouvement avait "
            "tendance à s’étendre.",
            "le blocage de l’usine d’Ivry-sur-Seine, qui dure depuis le 30 mai",
            "Le Syctom", "confirmé"),
    Example("participle-shares-the-main-subject",
            "Le Syctom, quant à lui, n’a confirmé que le blocage de l’usine d’Ivry-sur-Seine, "
            "qui dure depuis le 30 mai, reconnaissant cependant que le mouvement avait "
            "tendance à s’étendre.",
            "le mouvement avait tendance à s’étendre", "Le Syctom", "reconnaissant"),
    Example("que-a-et-que-b-first-report",
            "Lors d'une interview sur la radio France Inter, ce jeudi matin, le secrétaire "
            "général de la CGT du livre affirme qu'il n'y a eu « ni exigence, ni diktat » et "
            "que son syndicat avait « proposé à tous les quotidiens de donner une expression "
            "à Philippe Martinez ».",
            "il n'y a eu « ni exigence, ni diktat »",
            "le secrétaire général de la CGT du livre", "affirme",
            xfail="« que A et que B » is one report, as news-train annotates it 14 times out "
                  "of 16; this row's gold splits it"),
    Example("participle-estimant-que",
            "Face à ces chiffres, les derniers dévoilés avant l'échéance des dépôts de "
            "candidature pour la primaire de la gauche, François Hollande devrait officialiser "
            "sa candidature à sa propre réélection, estimant que ses promesses sur le chômage "
            "ont été respectées.",
            "ses promesses sur le chômage ont été respectées", "François Hollande", "estimant"),
    Example("participle-after-another-verb",
            "Le député Andreï Issaïev s'est réjoui de l'issue de ce vote, affirmant que "
            "c'était « un vote historique ».",
            "c'était « un vote historique »", "Le député Andreï Issaïev", "affirmant"),
    Example("gerund-en-precisant-que",
            "Qualifié de journal qui « s'est couché » par le directeur de Libération, Laurent "
            "Joffrin, L'Humanité s'est défendu en précisant que le journal publiait « bien "
            "volontiers » cette tribune.",
            "le journal publiait « bien volontiers » cette tribune", "L'Humanité",
            "précisant"),
    Example("que-clause-plus-que-parfait-with-adverb",
            "Il avait aussi ajouté qu'aller trop loin dans l’interdiction, « c’est mauvais à "
            "la fin, ça détruit la famille ».",
            "aller trop loin dans l’interdiction, « c’est mauvais à la fin, ça détruit la "
            "famille »",
            "Il", "ajouté"),
    # -- infinitive complements: X a dit <infinitive>, X appelle à <infinitive> -------------
    Example("bare-infinitive-after-annoncer",
            "– Le Président des États-Unis Donald Trump a annoncé pouvoir présenter sa "
            "réforme fiscale dès mercredi 26 avril.",
            "pouvoir présenter sa réforme fiscale dès mercredi 26 avril",
            "Le Président des États-Unis Donald Trump", "annoncé"),
    Example("bare-infinitive-etre-plus-adjective",
            "Le ministre de la justice du pays, Bekir Bozdag, a malgré tout affirmé être "
            "déterminé à poursuivre le combat contre le terrorisme : « [aucune] attaque ou "
            "organisation terroriste ne peut affaiblir la lutte de la Turquie contre le "
            "terrorisme », écrit-il ainsi sur Twitter, ajoutant que « [notre] combat actif et "
            "déterminé contre le terrorisme va se poursuivre. »",
            "être déterminé à poursuivre le combat contre le terrorisme",
            "Le ministre de la justice du pays, Bekir Bozdag", "affirmé"),
    Example("bare-infinitive-after-estimer",
            "De son côté, Libération estime avoir « bien fait de refuser » la publication et "
            "ajoute que le journal « n’a jamais publié de communiqué sous la pression et on "
            "ne le fera jamais ».",
            "avoir « bien fait de refuser » la publication", "Libération", "estime"),
    Example("coordinated-cue-et-ajoute-que",
            "De son côté, Libération estime avoir « bien fait de refuser » la publication et "
            "ajoute que le journal « n’a jamais publié de communiqué sous la pression et on "
            "ne le fera jamais ».",
            "le journal « n’a jamais publié de communiqué sous la pression et on ne le fera "
            "jamais »",
            "Libération", "ajoute"),
    Example("appeler-a-infinitive",
            "Dans sa dernière vidéo, Eric Drouet appelle à continuer le mouvement.",
            "continuer le mouvement", "Eric Drouet", "appelle"),
    Example("appeler-a-infinitive-keeps-its-gerund",
            "Vers 13h25, Christophe Chalençon appelle à continuer la mobilisation, mais « en "
            "dehors des villes » en portant « un brassard noir » en hommage aux victimes de "
            "l'attentat de Strasbourg.",
            "continuer la mobilisation, mais « en dehors des villes » en portant « un brassard "
            "noir » en hommage aux victimes de l'attentat de Strasbourg",
            "Christophe Chalençon", "appelle",
            xfail="the content stops at « , mais » ([clause-breaks]: on news-train a clause "
                  "set against the report ends it more often than not)"),
    Example("bare-infinitive-after-dire-with-adverb",
            "Il dit pourtant assumer pleinement son bilan à la tête de la France avec François "
            "Hollande.",
            "assumer pleinement son bilan à la tête de la France avec François Hollande",
            "Il", "dit",
            xfail="the report model keeps none of the clauses proposed in this sentence"),
    Example("proposer-de-infinitive",
            "Il propose toutefois de garder cette possibilité pour voter le budget du pays.",
            "garder cette possibilité pour voter le budget du pays", "Il", "propose"),
    Example("expliquer-avoir-ete-participle",
            "Vu la « situation préoccupante », la mairie a expliqué avoir été « contrainte de "
            "recourir à la force publique » et avoir dû redéployer ses effectifs pour "
            "soulager les établissements les plus touchés.",
            "avoir été « contrainte de recourir à la force publique » et avoir dû redéployer "
            "ses effectifs pour soulager les établissements les plus touchés",
            "la mairie", "expliqué",
            xfail="spaCy parses « contrainte … » as the head of the complement and its "
                  "infinitive auxiliary is not attached to it"),
    # -- object complements: X a annoncé <noun phrase> --------------------------------------
    Example("annoncer-object-with-date",
            "Pour aider à parvenir à ce résultat, le président a annoncé en mars 2016 un plan "
            "de formation de 500 000 chômeurs d'ici avril 2017, ce qui a été critiqué car vu "
            "comme un moyen de faire baisser « artificiellement » les chiffres du chômage.",
            "un plan de formation de 500 000 chômeurs d'ici avril 2017",
            "le président", "annoncé"),
    Example("participle-object-denoncant",
            "Vers 19h10, à Besançon (Doubs), des Gjs ont interrompu le conseil municipal, "
            "dénonçant notamment les violences policières.",
            "les violences policières", "des Gjs", "dénonçant"),
    Example("object-then-coordinated-call",
            "Très peu de temps après l'annonce des résultats, il annonce son soutien à Benoît "
            "Hamon et appelle à la fin de la « dérive » de la gauche.",
            "son soutien à Benoît Hamon", "il", "annonce",
            xfail="the report model gives « annonce son soutien » a probability just under "
                  "the threshold (0.50)"),
    Example("appeler-a-noun-phrase",
            "Très peu de temps après l'annonce des résultats, il annonce son soutien à Benoît "
            "Hamon et appelle à la fin de la « dérive » de la gauche.",
            "la fin de la « dérive » de la gauche", "il", "appelle"),
    Example("annoncer-object-plain",
            "La CGT a annoncé des actions surprises en région jeudi 9.",
            "des actions surprises en région jeudi 9", "La CGT", "annoncé"),
    Example("demander-object-before-colon",
            "Vers 12h, le président LR de la région Provence-Alpes-Côte d'Azur, Renaud "
            "Muselier, demande l'arrêt du mouvement : nous avons 6 morts et près de 200 "
            "blessés, des milliers de magasins cassés, des milliers d'entreprises et de "
            "commerçants qui sont en très grande difficulté.",
            "l'arrêt du mouvement", "Renaud Muselier", "demande",
            xfail="the mention keeps the whole apposition (le président LR … , Renaud "
                  "Muselier) where the gold marks the name only"),
    # -- selon X, <content> -----------------------------------------------------------------
    Example("selon-after-short-adverbial",
            "Vers 20h45, selon la Banque de France, les Gilets jaunes ont fait baisser de 0,1 "
            "point la progression du produit intérieur brut (PIB), soit 1,5%.",
            "les Gilets jaunes ont fait baisser de 0,1 point la progression du produit "
            "intérieur brut (PIB), soit 1,5%",
            "la Banque de France", "selon"),
    Example("selon-sentence-initial",
            "Selon le ministre, la télévision numérique au Burundi devrait être une réalité "
            "avec ses premiers téléspectateurs connectés, dès ce mois de décembre 2016.",
            "la télévision numérique au Burundi devrait être une réalité avec ses premiers "
            "téléspectateurs connectés, dès ce mois de décembre 2016",
            "le ministre", "Selon"),
    Example("selon-at-the-end",
            "Les personnels ont décidé de reconduire la grève jusqu’à mardi 14, journée de "
            "manifestation nationale contre le projet de loi, selon la CGT.",
            "Les personnels ont décidé de reconduire la grève jusqu’à mardi 14, journée de "
            "manifestation nationale contre le projet de loi",
            "la CGT", "selon"),
    Example("selon-without-comma",
            "Un couvre-feu et de la loi martiale seraient mis en place par l'armée selon la "
            "chaîne publique TRT.",
            "Un couvre-feu et de la loi martiale seraient mis en place par l'armée",
            "la chaîne publique TRT", "selon"),
    Example("selon-after-connective",
            "Toutefois, selon une étude de l'Observatoire des inégalités, le tabac reste un "
            "marqueur social.",
            "le tabac reste un marqueur social", "une étude de l'Observatoire des inégalités",
            "selon"),
    Example("pour-x-a-group",
            "Pour les buralistes, cette baisse pourrait être due à l'augmentation du marché "
            "parallèle.",
            "cette baisse pourrait être due à l'augmentation du marché parallèle",
            "les buralistes", "Pour",
            xfail="buralistes is not in the role nouns, so « Pour les buralistes » reads as "
                  "« for », not as a source"),
]


NOT_INDIRECT = [
    Example("rappelons-que-is-the-writer",
            "Rappelons que le premier cas connu du virus est apparu en Guinée en décembre 2013.",
            "", None, ""),
    Example("on-note-que-is-the-writer",
            "On note d'ailleurs que des cas de réapparition du virus sont survenus en Sierra "
            "Leone chez des malades ayant survécu au virus.",
            "", None, ""),
    Example("rien-n-indique-que",
            "Pour l'instant, les raisons pour lesquelles les navires se trouvaient dans les "
            "eaux territoriales iraniennes n'ont pas été expliquées et rien n'indique qu'il "
            "puisse s'agir d'un acte hostile de la part de Téhéran.",
            "", None, ""),
    Example("pour-x-is-not-a-source",
            "Pour cette ultime émission, il avait été accompagné de son ami le pianiste et "
            "compositeur Michel Legrand.",
            "", None, ""),
    Example("participle-after-comma-is-not-an-incise",
            "Ce matin, au Puy-en-Velay, les trois personnes suspectés d'avoir participé à "
            "l'incendie de la préfecture de la Haute-Loire le 1er décembre, ont été présentés "
            "au parquet.",
            "", None, ""),
]


# The error classes of issue 7, on news-train (or the corpus where news-train has none).
TRAIN_EXAMPLES = [
    # -- a date closing the incise is not narration going on (wn-2016_02_15-002) ----------
    Example("inverted-clause-date-after-the-source",
            "Au moins cinq établissements médicaux et deux écoles ont été bombardés dans le "
            "nord de la Syrie, tuant environ 50 civils, a affirmé l'ONU lundi.",
            "Au moins cinq établissements médicaux et deux écoles ont été bombardés dans le "
            "nord de la Syrie, tuant environ 50 civils", "l'ONU", "affirmé"),
    # -- X a déclaré que « … »: the v1.1 convention, an indirect entry with the marks ----------
    Example("v11-que-quote-precisent",
            "Les secours précisent qu' « ils avaient déjà emprunté ce hors-piste plus tôt et ils "
            "voulaient le faire une deuxième fois ».",
            "« ils avaient déjà emprunté ce hors-piste plus tôt et ils voulaient le faire une "
            "deuxième fois »", "Les secours", "précisent"),
    Example("v11-que-quote-declare",
            "Le premier ministre Binali Yildirim avait déjà déclaré que « de temps en temps, pour "
            "des raison de sécurité, nous pouvons prendre ce genre de mesures ».",
            "« de temps en temps, pour des raison de sécurité, nous pouvons prendre ce genre de "
            "mesures »", "Le premier ministre Binali Yildirim", "déclaré"),
    Example("v11-que-quote-participle",
            "From Human to GOD, quant à lui, répond en plusieurs tweets et une vidéo de 15 "
            "minutes, affirmant entre autres que « cet article me visant relève de la pure "
            "diffamation ».",
            "« cet article me visant relève de la pure diffamation »", "From Human to GOD",
            "affirmant",
            xfail="the participle « affirmant » gets no subject: spaCy does not hang it from "
                  "« répond »"),
    # -- object clauses of reporting verbs: which verbs report with an object is learned -------
    Example("object-invoquer",
            "Les policiers invoquent la légitime défense, arguant que l'homme a attaqué au thorax "
            "l'un d'entre eux avec des ciseaux et qu'un autre a fait usage de son arme en "
            "réaction, face à cette menace.",
            "la légitime défense", "Les policiers", "invoquent"),
    Example("object-citer",
            "Par ailleurs, l'association cite l'exemple du traitement contre l'hépatite C et "
            "annonce un traitement « vendu 41 000 euros par patient alors qu’il ne coûterait que "
            "100 euros à produire ».",
            "l'exemple du traitement contre l'hépatite C", "l'association", "cite"),
    Example("object-contester",
            "La famille conteste cependant radicalement cette version.",
            "cette version", "La famille", "conteste"),
    Example("object-nier",
            "Le Myanmar nie les accusations : la Birmanie n'étant pas membre du tribunal "
            "international, la CPI n'y a habituellement pas compétence.",
            "les accusations", "Le Myanmar", "nie"),
    Example("object-dementir",
            "Les taliban quant à eux ont tué à peu près 60 policiers et soldats cette semaine, "
            "mais ils démentent toute responsabilité pour l'attentat d'hier.",
            "toute responsabilité pour l'attentat d'hier", "ils", "démentent"),
    Example("object-critiquer",
            "Affirmant qu'il n'existait pas de chiffres officiels pour la foule de vendredi, il a "
            "critiqué la comparaison faite par les médias, qu'il a qualifiées de « honteuse et "
            "fausse ».",
            "la comparaison faite par les médias", "il", "critiqué"),
    Example("object-denoncer-before-colon",
            "À l'inverse, le sénateur républicain Tom Cotton dénonce le verdict : « Aucun étranger "
            "n'a de droit constitutionnel d'entrée aux États-Unis et les tribunaux n'ont pas à "
            "remettre en question les décisions sensibles du président sur la sécurité "
            "nationale ».",
            "le verdict", "le sénateur républicain Tom Cotton", "dénonce"),
    Example("object-pointer",
            "L'Unédic pointe surtout les effets de la sortie du Royaume-Uni de l'Union européenne "
            "sur la conjoncture économique.",
            "les effets de la sortie du Royaume-Uni de l'Union européenne sur la conjoncture "
            "économique", "L'Unédic", "pointe",
            xfail="« pointer » is not a verb of saying in the lexicon, so nothing is proposed"),
    Example("de-noun-s-indigner-de",
            "Les manifestants avaient exigé le retrait d'un dispositif de sécurité, avec succès, "
            "puis s'étaient indignés de l'absence des médias, qui n'avaient pas été invités à "
            "assister aux discussions.",
            "l'absence des médias, qui n'avaient pas été invités à assister aux discussions",
            "Les manifestants", "indignés",
            xfail="spaCy hangs « l'absence » from « exigé »: no complement of « indignés »"),
    Example("phrase-faire-part-de",
            "La ministre de la défense Florence Parly a fait part de sa « très vive émotion » sur "
            "Twitter.",
            "sa « très vive émotion »", "La ministre de la défense Florence Parly", "fait part",
            xfail="the content runs on to « sur Twitter » and the mention stops before the "
                  "name (spaCy parses « Florence Parly » apart)"),
    Example("phrase-faire-savoir-que",
            "Nikki Haley, l'ambassadrice des États-Unis, a également fait savoir que son pays "
            "souhaitait réduire les coûts et qu'un réexamen de toutes les missions avait été "
            "lancé dans ce but.",
            "son pays souhaitait réduire les coûts et qu'un réexamen de toutes les missions avait "
            "été lancé dans ce but", "Nikki Haley, l'ambassadrice des États-Unis",
            "fait savoir"),
    Example("de-infinitive-accuses-de-passive",
            "De plus, ces taux sont eux-mêmes très critiqués car accusés de minimiser le chômage, "
            "et notamment le sous-emploi.",
            "minimiser le chômage, et notamment le sous-emploi", None, "accusés"),
    Example("de-infinitive-accuser-x-de",
            "Les Afghans ont eux même souvent également accusés les Pakistanais de laisser se "
            "développer sur son sol des groupes talibans qui tentent de reprendre le pouvoir à "
            "Kaboul.",
            "laisser se développer sur son sol des groupes talibans qui tentent de reprendre le "
            "pouvoir à Kaboul", "Les Afghans", "accusés",
            xfail="« accusés » (for « accusé ») reads as a passive, whose subject is never the "
                  "source"),
    Example("object-reprocher-impersonal",
            "D'autant qu'il semble qu'il lui soit reproché une non-inscription comme journaliste "
            "au conseil national de la communication (CNC).",
            "une non-inscription comme journaliste au conseil national de la communication "
            "(CNC)", None, "reproché"),
    Example("que-reconnaitre",
            "L'entraineur toulousain, Philippe Gardent, reconnaît que le Fenix n'a « pas été à la "
            "hauteur de l'événement » : « on se demande ce qu'on fait sur ce Final4 quand on voit "
            "la prestation de Toulouse aujourd'hui » a-t-il confié en conférence de presse.",
            "le Fenix n'a « pas été à la hauteur de l'événement »",
            "L'entraineur toulousain, Philippe Gardent", "reconnaît"),
    Example("infinitive-reconnaitre",
            "Originaire d'Israël, il avait publié en 2003 un livre dans lequel il reconnaissait "
            "être à l'origine des cinq tirs au lance-roquettes ayant visé la centrale en janvier "
            "1982, une attaque qui n’avait fait aucun blessé mais des dégâts matériels.",
            "être à l'origine des cinq tirs au lance-roquettes ayant visé la centrale en janvier "
            "1982", "il", "reconnaissait"),
    Example("a-infinitive-appeler-a",
            "Alors que l'acte VI est prévu pour samedi prochain, certains Gilets jaunes appellent "
            "à l'anticiper vendredi, jour anniversaire des 41 ans du président Emmanuel Macron.",
            "l'anticiper vendredi, jour anniversaire des 41 ans du président Emmanuel Macron",
            "certains Gilets jaunes", "appellent"),
    Example("a-noun-appeler-a-after-apposition",
            "Depuis plusieurs jours, #Lesgyrosbleus, des policiers en colère, appellent à un "
            "rassemblement à Paris jeudi 20 décembre.",
            "un rassemblement à Paris jeudi 20 décembre",
            "#Lesgyrosbleus, des policiers en colère", "appellent",
            xfail="spaCy does not hang the hashtag name as the subject: no mention"),
    # -- que-clauses the parser hung elsewhere ---------------------------------------------
    Example("que-under-an-adverb-precise-bien",
            "Il précise bien que les barrages sont seulement ouverts, et non levés.",
            "les barrages sont seulement ouverts, et non levés", "Il", "précise"),
    Example("que-after-date-and-place",
            "Président de la Commission européenne depuis novembre 2014, Jean-Claude Juncker a "
            "annoncé aujourd'hui dans une interview à la radio publique allemande qu'il ne se sera "
            "pas candidat au renouvellement de ses fonctions.",
            "il ne se sera pas candidat au renouvellement de ses fonctions", "Jean-Claude Juncker",
            "annoncé"),
    Example("que-after-a-gerund",
            "Pierre Karl Péladeau a annoncé lundi, en retenant ses larmes, qu'il démissionnait de "
            "ses fonctions à l'assemblée nationale ainsi qu'au Parti québécois (PQ).",
            "il démissionnait de ses fonctions à l'assemblée nationale ainsi qu'au Parti "
            "québécois (PQ)", "Pierre Karl Péladeau", "annoncé"),
    Example("que-finding-of-a-count",
            "Un dernier bilan indique qu'au moins 38 personnes seraient mortes et 400 seraient "
            "blessées.",
            "au moins 38 personnes seraient mortes et 400 seraient blessées", "Un dernier bilan",
            "indique"),
    # -- source prepositions of the lexicon ------------------------------------------------
    Example("corpus-a-en-croire",
            "Le Système solaire compterait neuf planètes, à en croire les calculs d’astronomes du "
            "Caltech publiés mercredi 20 janvier, dans The Astronomical Journal.",
            "Le Système solaire compterait neuf planètes",
            "les calculs d’astronomes du Caltech publiés mercredi 20 janvier", "à en croire",
            xfail="the report model keeps none of the clauses proposed in this sentence (a source "
            "phrase « à en croire X »)"),
    Example("selon-un-bilan-provisoire",
            "76 personnes ont perdu la vie, selon un bilan provisoire.",
            "76 personnes ont perdu la vie", "un bilan provisoire", "selon"),
    Example("selon-bilan-without-comma",
            "Au moins 36 personnes ont été tuées selon un bilan provisoire.",
            "Au moins 36 personnes ont été tuées", "un bilan provisoire", "selon"),
    Example("selon-les-differents-bilans",
            "Selon les différents bilans qui se succèdent, près d'une centaine de personnes ont "
            "été tuées, en faisant l'une des attaques les plus violentes qu'ait connu le pays.",
            "près d'une centaine de personnes ont été tuées, en faisant l'une des attaques les "
            "plus violentes qu'ait connu le pays", "les différents bilans qui se succèdent",
            "Selon",
            xfail="the mention leaves out the relative clause (« qui se succèdent »)"),
    # -- where the content starts and ends when the parser errs (2026-12-02) -----------------
    Example("selon-subject-and-quote",
            "Selon le syndicat CGT, cela « reste un épiphénomène » tout en ajoutant que « il n'y "
            "a pas plus ou pas moins de radicalisation qu'ailleurs. La RATP n'est pas "
            "imperméable à ce qui se passe dans la société ».",
            "cela « reste un épiphénomène »", "le syndicat CGT", "Selon",
            xfail="the clause of « selon » runs on past « tout en ajoutant que »: cutting it "
                  "at the stops of the other rules lost 2 points of indirect F under "
                  "cross-validation on news-train"),
    Example("selon-fronted-phrase-ends-at-its-comma",
            "Selon des témoins s'exprimant sur les réseaux sociaux, il y aurait eu des coups de "
            "feu.",
            "il y aurait eu des coups de feu", "des témoins", "Selon"),
    Example("mais-opens-the-next-statement",
            "La direction de la régie a confirmé « l'existence de poussées communautaristes "
            "circonscrites à certaines unités de l'entreprise » mais nie en revanche tout « "
            "élément structuré ou organisé ».",
            "tout « élément structuré ou organisé »", "La direction de la régie", "nie"),
    Example("gerund-after-a-comma-ends-the-content",
            "Un cadre du collectif, Dimitri Guard, fustige pour sa part l'utilisation de gaz "
            "lacrymogènes, tout en évoquant aussi la présence d'enfants dans cette manifestation.",
            "l'utilisation de gaz lacrymogènes", "Dimitri Guard", "fustige",
            xfail="the report model gives « fustige » and its object less than 0.5 in this "
                  "sentence alone (the proposal's extent is right)"),
    Example("initial-then-a-determiner-ends-the-sentence",
            "La communauté internationale a également vivement critiqué l'essai de la bombe H. "
            "La Corée du Sud a annoncé « prendre toutes les mesures nécessaires » contre le "
            "Nord.",
            "l'essai de la bombe H", "La communauté internationale", "critiqué"),
    # -- passives whose agent is the source -------------------------------------------------
    Example("passive-subject-critiques-par",
            "Ces bombardements sont d'ailleurs critiqués par des ONG.",
            "Ces bombardements", "des ONG", "critiqués"),
    Example("passive-subject-revendique-par",
            "L'attentat a rapidement été revendiqué par la branche locale de l'organisation État "
            "islamique (Daech).",
            "L'attentat", "la branche locale de l'organisation État islamique (Daech)",
            "revendiqué",
            xfail="the mention drops the closing bracket (trees.mention_tokens trims "
                  "punctuation at its ends)"),
    Example("passive-predicate-juge-par",
            "Le programme, adopté en 2010, est jugé trop coûteux et trop interventionniste par "
            "les républicains, bien qu'il ait permis à 21 millions de personnes de bénéficier "
            "d'une assurance santé.",
            "trop coûteux et trop interventionniste", "les républicains", "jugé",
            xfail="no rule proposes a predicate (« jugé … par X »): such a rule never gave a "
                  "right report under cross-validation on news-train"),
]

# Sentences that report nothing, from news-train.
TRAIN_NOT_INDIRECT = [
    Example("aux-yeux-de-not-a-source",
            "Des cinémas qui méritent néanmoins d'être vus et mis en valeur aux yeux du large "
            "public auquel est ouvert le festival.",
            "", None, ""),
    Example("suivant-not-at-the-head",
            "Si aucun candidat n'obtient la majorité absolue, un deuxième et un troisième tour "
            "sont également prévus suivant les mêmes modalités que le premier tour.",
            "", None, ""),
]


def _param(ex: Example) -> object:
    return xfail_param(ex, ex.id, ex.xfail)


def _indirect(extractor: quotesnap.Extractor, text: str) -> list[Quote]:
    return [q for q in extractor.extract(text) if q.kind == Kind.INDIRECT]


@pytest.mark.parametrize("ex", [_param(e) for e in EXAMPLES + TRAIN_EXAMPLES])
def test_indirect_speech(extractor: quotesnap.Extractor, ex: Example) -> None:
    """The sentence yields the gold indirect quote: its content, speaker mention and cue."""
    found = _indirect(extractor, ex.text)
    got = [(q.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None,
            q.cue.text if q.cue else "") for q in found]
    assert (ex.content, ex.speaker, ex.cue) in got


@pytest.mark.parametrize("ex", [_param(e) for e in NOT_INDIRECT + TRAIN_NOT_INDIRECT])
def test_not_indirect_speech(extractor: quotesnap.Extractor, ex: Example) -> None:
    """The writer's remarks, impersonal subjects and narration are not indirect speech."""
    assert _indirect(extractor, ex.text) == []


@pytest.mark.parametrize("ex", EXAMPLES + TRAIN_EXAMPLES,
                         ids=[e.id for e in EXAMPLES + TRAIN_EXAMPLES])
def test_indirect_offsets(extractor: quotesnap.Extractor, ex: Example) -> None:
    """Every indirect quote's offsets point at its text in the caller's string."""
    for q in _indirect(extractor, ex.text):
        assert ex.text[q.start:q.end] == q.text
        if q.cue is not None:
            assert ex.text[q.cue.span.start:q.cue.span.end] == q.cue.text


def test_table_is_large_and_ids_are_unique() -> None:
    """The tables hold at least 20 real sentences each, with distinct readable ids."""
    ids = [e.id for e in EXAMPLES + NOT_INDIRECT + TRAIN_EXAMPLES + TRAIN_NOT_INDIRECT]
    assert len(EXAMPLES) >= 20 and len(TRAIN_EXAMPLES) >= 20
    assert len(ids) == len(set(ids))


# Sentences of the table that the candidate stage does not select, and why.
NOT_SELECTED = {"object-pointer": "« pointe » is no form of a verb of saying in the lexicon"}


@pytest.mark.parametrize("ex", [xfail_param(e, e.id, NOT_SELECTED.get(e.id, ""))
                                for e in TRAIN_EXAMPLES])
def test_candidate_stage_lets_the_sentence_through(ex: Example) -> None:
    """The word-level pre-filter selects every sentence of the error classes for parsing
    (quotes in marks left out, as the candidate stage reads it)."""
    text = ex.text
    for mark in ("«", "»"):
        text = text.replace(mark, " ")
    assert may_report(text)


@pytest.mark.parametrize("ex", [e for e in TRAIN_EXAMPLES if e.content.startswith("« ")],
                         ids=[e.id for e in TRAIN_EXAMPLES if e.content.startswith("« ")])
def test_que_quote_is_also_a_quote_in_marks(extractor: quotesnap.Extractor,
                                            ex: Example) -> None:
    """A clause in marks after que gives a quote in marks for its words as well as the
    indirect entry with its marks (the v1.1 convention)."""
    inner = ex.content.strip("« »")
    assert any(q.kind in (Kind.DIRECT, Kind.PARTIAL) and q.text == inner
               for q in extractor.extract(ex.text))


def test_indirect_confidence_is_the_report_probability(extractor: quotesnap.Extractor) -> None:
    """An indirect quote's confidence is a probability from the report model (times its
    speaker's resolution factor), not a constant."""
    found = [_indirect(extractor, e.text) for e in TRAIN_EXAMPLES[:8]]
    confidences = {round(q.confidence, 3) for quotes in found for q in quotes}
    assert all(0.0 < c <= 1.0 for c in confidences)
    assert len(confidences) > 3
