"""Plain-English templates for the doctrine's atoms: conclusions, case facts and law settings.

Each (predicate, arity) maps to (positive text, negative text). The positive text says what
the atom asserts; the negative text reads as a finding, for why-not explanations ("no record
evidence supports ..."), never as "not p(x)". `{0}`, `{1}` are the arguments, each already
turned into words (WORDS for constants, the template for a nested atom). Pure data.

    holds(no_threshold_showing(impermissible_factor))
reads
    "no substantial threshold showing that the refusal was improper (a § 3553(e) decision
    resting on factors other than assistance)"
"""

from __future__ import annotations

import itertools

from doctrine.language import vocabulary as _V
from doctrine.reasoning import federal_words as _F
from doctrine.reasoning.facts import ATOMS as ATOMS, INPUTS as INPUTS, LAW as LAW, Template as Template
from doctrine.reasoning.words import WORDS as WORDS

# The words of the case language v2 (federal_words.py): its phrases first, then any constant of
# the vocabulary with no phrase yet reads as its words ("breach_of_cooperation_agreement" ->
# "breach of cooperation agreement").
for _c in sorted({c for _, k in _V.walk() if k.domain is not None for c in k.domain.constants()}):
    if _c not in WORDS:
        WORDS[_c] = _F.phrase(_c)

# ---------------------------------------------------------------------------------------------
# Conclusions (holds/1 arguments), by the file that derives them

CONCLUSIONS: dict[tuple[str, int], Template] = {
    # preservation.lp
    ("review", 1): (
        "standard of review: {0}",
        "the standard of review is not {0}",
    ),
    # wade.lp, agreements.lp, billings.lp, buffington.lp, mackmore.lp: the duty
    ("power_not_duty", 1): (
        "the government has a power, not a duty, to file the {0} motion",
        "the government's power to withhold the {0} motion is limited by an agreement",
    ),
    ("broad_discretion", 0): (
        "the prosecutor retains broad discretion whether to file a substantial-assistance motion",
        "nothing shows the prosecutor's discretion left broad",
    ),
    ("discretion_limited_by_agreement", 0): (
        "the plea agreement limits the government's discretion: it promised to move once a condition was met",
        "no plea agreement binding the government to move is shown",
    ),
    ("not_bound_by_plea_agreement", 0): (
        "the defendant concedes the government was not bound by the plea agreement to file the motion",
        "no concession that the government was free of the plea agreement",
    ),
    ("no_duty_to_file", 1): (
        "filing one substantial-assistance motion created no duty to file a {0} motion",
        "no finding that the government was free not to file a {0} motion",
    ),
    ("breach_of_plea_agreement", 0): (
        "the government breached the plea agreement: it did not perform what it promised",
        "no breach of a plea agreement is shown",
    ),
    ("no_breach_of_plea_agreement", 0): (
        "no breach of a plea agreement: no promise is shown broken",
        "the claim of breach is not rejected",
    ),
    # the grounds
    ("suspect_ground", 1): (
        "the reason alleged ({0}) would be an unconstitutional motive",
        "the reason alleged ({0}) is not an unconstitutional motive",
    ),
    ("irrational_ground", 1): (
        "the reason alleged ({0}) is not rationally related to any legitimate government end",
        "the reason alleged ({0}) is not shown to lack a rational relation to a legitimate end",
    ),
    ("impermissible_ground", 1): (
        "the § 3553(e) decision alleged ({0}) would rest on a factor other than the defendant's assistance, which is impermissible",
        "the factor alleged ({0}) is not an impermissible basis for the decision under the law of the circuit",
    ),
    ("would_be_impermissible", 1): (
        "had the refusal rested on the factors alleged ({0}), the government would have acted impermissibly (dictum)",
        "no dictum treats the factors alleged ({0}) as impermissible",
    ),
    ("ground_not_recognized", 1): (
        "{0} is not a ground for compelling a substantial-assistance motion",
        "{0} is not rejected as a ground",
    ),
    # evidence and the gate
    ("motive_evidence", 1): (
        "record evidence ties the person who decided to the alleged motive ({0})",
        "no record evidence ties the person who decided to the alleged motive ({0})",
    ),
    ("stated_reasons_rebutted", 0): (
        "clear record evidence rebuts the government's stated reasons",
        "the government's stated reasons stand unrebutted",
    ),
    ("rebuttal_evidence", 1): (
        "record evidence rebuts the government's stated reasons ({0})",
        "no record evidence rebuts the government's stated reasons ({0})",
    ),
    ("remark_not_evidence", 1): (
        "the remark about {0} is no evidence of why the motion was withheld",
        "the remark about {0} is not discounted",
    ),
    ("threshold_showing", 1): (
        "a substantial threshold showing that the refusal was improper ({0})",
        "no substantial threshold showing that the refusal was improper ({0})",
    ),
    ("no_threshold_showing", 1): (
        "no substantial threshold showing that the refusal was improper ({0})",
        "the claim ({0}) is not found to fall short of the threshold showing",
    ),
    ("record_gaps_no_help", 0): (
        "gaps in the record about the assistance do not help a defendant who never moved to compel",
        "gaps in the record are not held against the defendant",
    ),
    # reasons
    ("legitimate_reason", 1): (
        "the government's stated reason ({0}) is legitimate",
        "the reason ({0}) is not shown to be a legitimate one",
    ),
    ("rationally_related", 0): (
        "the refusal is rationally related to a legitimate government end (a legitimate reason was stated)",
        "no legitimate reason for the refusal was stated",
    ),
    ("rational_basis_conceded", 0): (
        "the defence conceded that the government had a rational basis for withholding the motion",
        "no concession of a rational basis",
    ),
    ("custody_rational_basis", 0): (
        "custody left the defendant unable to give useful help: a rational basis for withholding the motion",
        "custody is not shown to have left the defendant unable to help",
    ),
    ("unsuccessful_attempt_no_duty", 0): (
        "the government need not move for an unsuccessful attempt to help, even one made in good faith",
        "the attempt to help is not shown to have been unsuccessful",
    ),
    # the merits and relief
    ("improper_refusal", 1): (
        "the refusal was improper ({0}), as the defendant proved",
        "the refusal is not proven improper ({0})",
    ),
    ("refusal_upheld", 0): (
        "the refusal stands: it was neither irrational nor based on an impermissible motive",
        "the refusal is not upheld",
    ),
    ("relief", 1): (
        "relief is available: {0}",
        "{0} is not available",
    ),
    # notice
    ("not_wade_reviewable", 1): (
        "the {0} claim is not the kind of constitutional violation that opens the refusal to Wade review",
        "the {0} claim is not held outside Wade review",
    ),
    ("no_duty_to_inform", 0): (
        "the government had no duty to tell the defendant that custody would hurt his chances of a motion",
        "the duty to inform is not ruled out",
    ),
    ("had_notice_of_custody_effect", 0): (
        "the defendant had some idea that custody would dampen his chances of a motion",
        "nothing shows the defendant knew that custody would hurt his chances",
    ),
    # authority below a minimum
    ("below_minimum_authorized", 1): (
        "the court has authority to sentence below the statutory minimum ({0})",
        "no authority below the statutory minimum from {0}",
    ),
    ("below_guidelines_authorized", 1): (
        "the court may depart below the guidelines range on the {0} motion",
        "no departure below the guidelines range on a {0} motion",
    ),
    ("no_authority_below_minimum", 0): (
        "without a government motion the court has no authority to sentence below the statutory minimum",
        "the court is not shown to lack authority below the minimum",
    ),
    ("reduction_floor", 1): (
        "a § 3582(c)(2) reduction may go down to, not below, the {0}",
        "the reduction is not floored at the {0}",
    ),
    ("sentencing_changes_no_effect", 0): (
        "changes in guidelines sentencing could not affect a sentence at a binding statutory minimum",
        "changes in sentencing practice are not shown to be beside the point",
    ),
    # allocution
    ("allocution_error", 0): (
        "the district court erred by not letting the defendant allocute",
        "no allocution error",
    ),
    ("allocution_error_harmless", 0): (
        "the allocution error was harmless",
        "the allocution error is not shown harmless",
    ),
    # the defeasibility layer
    ("exception", 2): (
        "an exception defeats the conclusion that {1}",
        "no exception defeats the conclusion that {1}",
    ),
}


TEMPLATES: dict[object, Template] = dict(
    itertools.chain(CONCLUSIONS.items(), _F.CONCLUSIONS.items(), INPUTS.items(), _F.INPUTS.items(), LAW.items(), ATOMS.items())
)
