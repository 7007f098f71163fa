#!/usr/bin/env python3
"""The hand repairs made after clean_md.py, source by source: each one undoes
damage the extraction did (a reference it moved or lost, a footnote it split,
an annex paragraph number it glued into the previous paragraph).  Kept so
that the sources can be rebuilt and the repairs reviewed.

    python3 clean_md.py IN.txt | python3 fixes.py NAME > sources/NAME.txt
"""
import re
import sys

# (old, new): each must occur exactly once.
FIXES = {
    "A-RES-80-1": [
        ("(A/80/L.2/Rev.[^1])]", "(A/80/L.2/Rev.1)]"),
    ],
    "A-RES-80-18": [
        # The agenda item's title, cut by the extraction.
        ("Agenda item 96 to assure", "Agenda item 96 Conclusion of effective international arrangements to assure"),
        # Note 2's last words, which the extraction set as a note of their own.
        ("Conference on Disarmament as from\n", "Conference on Disarmament as from 7 February 1984.\n"),
    ],
    "A-RES-80-33": [
        ("80/33. Follow-up to the advisory opinion of the International Court of\n", "80/33. Follow-up to the advisory opinion of the International Court of Justice on the legality of the threat or use of nuclear weapons\n"),
    ],
    "A-RES-80-36": [
        ("80/36. Assistance to States for curbing the illicit traffic in small arms and\n", "80/36. Assistance to States for curbing the illicit traffic in small arms and light weapons and collecting them\n"),
    ],
    "A-RES-80-41": [
        ("80/41. Measures to prevent terrorists from acquiring weapons of\n", "80/41. Measures to prevent terrorists from acquiring weapons of mass destruction\n"),
    ],
    "A-RES-80-49": [
        ("80/49. Follow-up to the 2013 high-level meeting of the General Assembly\n", "80/49. Follow-up to the 2013 high-level meeting of the General Assembly on nuclear disarmament\n"),
    ],
    "A-RES-80-7": [
        # The sub-resolutions A.2 and A.3, which the cleaning read as the
        # references; the references themselves after `;`.
        ("GC(69)/RES/9 A.[^2], entitled", "GC(69)/RES/9 A.2, entitled"),
        ("GC(69)/RES/9 A.[^3], entitled", "GC(69)/RES/9 A.3, entitled"),
        ("September 2025;2 and of the", "September 2025;[^2] and of the"),
        ("Governors”; 3 item 15", "Governors”;[^3] item 15"),
    ],
    "A-RES-80-46": [
        ("relevant States Parties, 8and welco", "relevant States Parties,[^8] and welco"),
    ],
    "A-RES-80-4": [
        ("80/4. Necessity of ending the economic, commercial and financial\n", "80/4. Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba\n"),
        ("51/17 of 12 November\n\nNecessity of ending the economic, commercial and financial 1996,", "51/17 of 12 November 1996,"),
    ],
    "A-RES-80-5": [
        ("accessible, safe,\n\naffordable, adequate housing", "accessible, safe, affordable, adequate housing"),
        ("the Paris Agreement 9 in relation", "the Paris Agreement[^9] in relation"),
    ],
    "A-RES-80-6": [
        ("including paragraph[^3] of the resolution", "including paragraph 3 of the resolution"),
        ("the Relationship Agreement, 3 which", "the Relationship Agreement,[^3] which"),
        ("1 August 2012–31 July\n", "1 August 2012–31 July 2013 (S/INF/68).\n"),
        ("\n\n[^2013]: (S/INF/68).", ""),
    ],
    "A-RES-80-10": [
        ("Sustainable Development 11 and that", "Sustainable Development[^11] and that"),
        ("5–13 September\n\n[^11]: Resolution 70/1.", "5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.\n\n[^11]: Resolution 70/1."),
        ("\n\n[^1994]: (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.", ""),
        ("51st plenary meeting\n", "51st plenary meeting\n26 November 2025\n"),
    ],
    "A-RES-80-11": [
        # The markers of the sub-paragraphs of OP 1 and OP 2 that the
        # extraction lost (the ones it kept: (ii), (e) to (h)).
        ("\n\nRequesting the Peacebuilding Commission to establish", "\n\n(a) Requesting the Peacebuilding Commission to establish"),
        ("\n\nRequesting the Peacebuilding Commission, in line", "\n\n(b) Requesting the Peacebuilding Commission, in line"),
        ("\n\nAssisting Member States in building", "\n\n(i) Assisting Member States in building"),
        ("\n\nTaking note of the decision of the Security Council to consider", "\n\n(c) Taking note of the decision of the Security Council to consider"),
        ("\n\nRequesting the Peacebuilding Commission to strengthen its impact", "\n\n(d) Requesting the Peacebuilding Commission to strengthen its impact"),
        ("\n\nRequesting the Department of Global Communications", "\n\n(i) Requesting the Department of Global Communications"),
        ("\n\nDecides, where appropriate and through", "\n\n(a) Decides, where appropriate and through"),
        ("\n\nMay consider, when seeking", "\n\n(b) May consider, when seeking"),
        ("\n\nRequests the Peacebuilding Commission to utilize", "\n\n(c) Requests the Peacebuilding Commission to utilize"),
        ("\n\nTakes note of the intention of the Security Council to encourage", "\n\n(d) Takes note of the intention of the Security Council to encourage"),
    ],
    "A-RES-80-12": [
        # OP 7's first two markers, lost in extraction.  OP 8's markers are
        # left out on purpose: a planted defect (`sub-numbering`).
        ("\n\nTo continue the practice of sending", "\n\n(a) To continue the practice of sending"),
        ("\n\nTo circulate annually a note verbale", "\n\n(b) To circulate annually a note verbale"),
    ],
    "A-RES-80-34": [
        # The markers of the preambular list that the extraction lost.
        ("\n\nInternational peace and security,", "\n\n(a) International peace and security,"),
        ("\n\nEliminating chemical weapons and preventing", "\n\n(b) Eliminating chemical weapons and preventing"),
        ("\n\nThe ultimate objective of general and complete", "\n\n(c) The ultimate objective of general and complete"),
        ("\n\nExcluding completely, for the sake", "\n\n(d) Excluding completely, for the sake"),
        ("\n\nPromoting international cooperation and exchange", "\n\n(e) Promoting international cooperation and exchange"),
    ],
    "A-RES-80-51": [
        ("Nuclear Weapons 6and the advisory", "Nuclear Weapons[^6] and the advisory"),
        ("nuclear weapons, 7in which the Court", "nuclear weapons,[^7] in which the Court"),
    ],
    "A-RES-80-53": [
        ("consisting of 21 members,\n\nparticipating in their", "consisting of 21 members, participating in their"),
        ("Secretary-General of 1990 3 and 1995", "Secretary-General of 1990[^3] and 1995"),
    ],
    # The probe of eight more resolutions: a running head that the
    # extraction kept inside the text, and a title it cut short.
    "A-RES-80-2": [
        ("expenses of the\n\nThe General Assembly", "expenses of the United Nations\n\nThe General Assembly"),
        ("\n\nScale of assessments for the apportionment of the expenses of the\n\n5. Agrees", "\n\n5. Agrees"),
    ],
    "A-RES-80-13": [
        ("\n\nImplementation of the Declaration of the Indian Ocean as a Zone of Peace\n\nConvinced", "\n\nConvinced"),
    ],
    "A-RES-80-52": [
        ("Lausanne Action Plan 2021–2026 3 to support", "Lausanne Action Plan 2021–2026[^3] to support"),
    ],
    "A-RES-80-30": [
        ("\n\nConvening of the fourth special session of the General Assembly\n\nReiterating", "\n\nReiterating"),
    ],
    # The third probe (four more resolutions, added after the reading rules
    # were written): paragraphs split at a page break, a title and two
    # paragraphs' last words cut where the running head stood.
    "A-RES-80-8": [
        ("80/8. Building a peaceful and better world through sport and the\n", "80/8. Building a peaceful and better world through sport and the Olympic ideal\n"),
        ("Olympic and Paralympic Winter\n\nGames, as a defining", "Olympic and Paralympic Winter Games, as a defining"),
    ],
    "A-RES-80-38": [
        ("the Programme of Action and the International Tracing\n\n23. Encourages", "the Programme of Action and the International Tracing Instrument;\n\n23. Encourages"),
        ("as well as the International\n\nTracing Instrument, including", "as well as the International Tracing Instrument, including"),
        ("on the Programme of Action and the International Tracing\n\n35. Reaffirms", "on the Programme of Action and the International Tracing Instrument;\n\n35. Reaffirms"),
    ],
    "A-RES-80-48": [
        # `P5` (the five permanent members), not a reference to note 5.
        ("Young Professionals Network of P[^5] academics", "Young Professionals Network of P5 academics"),
    ],
    "A-RES-80-39": [
        ("80/39. Towards a nuclear-weapon-free world: accelerating the\n", "80/39. Towards a nuclear-weapon-free world: accelerating the implementation of nuclear disarmament commitments\n"),
        ("indefinitely extended, and the Final\n\nDocuments of the 2000", "indefinitely extended, and the Final Documents of the 2000"),
    ],
}


def main(name):
    text = sys.stdin.read()
    text = re.sub(r"(?<=\S)  +", " ", text)
    for old, new in FIXES.get(name, []):
        if text.count(old) != 1:
            sys.exit(f"{name}: {old!r} occurs {text.count(old)} times")
        text = text.replace(old, new)
    if name == "A-RES-80-34":
        # The operative lists (OP 5, 11, 12) lost their markers in
        # extraction, all but OP 5's `(f)`: give them back in order.
        paras = text.split("\n\n")
        letter = None
        for i, p in enumerate(paras):
            if re.match(r"\d+\. ", p):
                letter = "a" if p.endswith(":") and int(p.split(".")[0]) >= 5 else None
                continue
            if letter is None or p.startswith("[^") or re.match(r"\d+(st|nd) plenary", p):
                letter = None
                continue
            m = re.match(r"\(([a-z])\) ", p)
            if m:
                assert m.group(1) == letter, (m.group(1), letter)
            else:
                paras[i] = "(%s) %s" % (letter, p)
            letter = chr(ord(letter) + 1)
        text = "\n\n".join(paras)
    if name == "A-RES-80-5":
        # The annex's paragraph numbers glued onto the previous paragraph's
        # line (`... developing countries. 14. We reaffirm`): split where the
        # number is the next one expected.
        body, annex = text.split("\nAnnex\n", 1)
        out, expect = [], 2
        for para in annex.split("\n\n"):
            if re.match(r"%d\. " % expect, para):
                expect += 1
            while True:
                m = re.search(r"(?<=[.;:\]]) %d\. (?=[A-Z])" % expect, para)
                if not m:
                    break
                out.append(para[: m.start()])
                para = para[m.start() + 1 :]
                expect += 1
            out.append(para)
        text = body + "\nAnnex\n" + "\n\n".join(out)
    sys.stdout.write(text)


main(sys.argv[1])
