"""The case language's vocabulary: every key a case file may use, its values, and its ASP atom.

This is the Python half of ``rules/vocabulary.lp`` (which is generated from it by
``python -m doctrine.language.vocabulary`` and kept in sync by a test). One declaration per key:
the word a lawyer writes, what it means in law, and the predicate it becomes. Every value domain is finite, so the doctrine can be
grounded once and every scenario of the fact space enumerated.

The case lines
    raised_below no
    allegation unconstitutional_motive
        support record_evidence
become
    raised_below(no).
    allegation(unconstitutional_motive).
    allegation_support(unconstitutional_motive,record_evidence).

Over ~300 lines on purpose: the key table is the language's reference (one declaration per key,
each with its law and its propositions), read whole next to docs/case-language.md. The value
domains are in `doctrine.language.domains`, re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from doctrine.language.domains import (
    AGREEMENT_TERMS as AGREEMENT_TERMS,
    ALLEGATIONS as ALLEGATIONS,
    ALLOCUTION as ALLOCUTION,
    ASSISTANCE as ASSISTANCE,
    CIRCUITS as CIRCUITS,
    CONCESSIONS as CONCESSIONS,
    CONTENTS as CONTENTS,
    COOPERATION_TIMING as COOPERATION_TIMING,
    COURTS as COURTS,
    CUSTODY_BEGAN as CUSTODY_BEGAN,
    KNOWLEDGE as KNOWLEDGE,
    MOTIONS as MOTIONS,
    POSTURES as POSTURES,
    REASONS as REASONS,
    RELIEF as RELIEF,
    REMARK_PURPOSE as REMARK_PURPOSE,
    RESULTS as RESULTS,
    ROLES as ROLES,
    SPEAKERS as SPEAKERS,
    SUPPORT as SUPPORT,
    TRI as TRI,
    WAIVER as WAIVER,
    YES_NO as YES_NO,
    Domain as Domain,
    Form as Form,
    domain as domain,
)
from doctrine.language.vocabulary_federal import federal_keys


@dataclass(frozen=True)
class Key:
    """One statement of the case language.

    ``keyed`` blocks (motion, allegation, remark ...) may appear several times, each with its
    own head value, and their children's atoms carry the head as first argument. Singleton
    blocks (assistance, custody, plea_agreement ...) appear once; children carry no head.
    """

    word: str
    doc: str
    props: tuple[str, ...] = ()
    form: Form = Form.ENUM
    domain: Domain | None = None
    predicate: str | None = None  # None: metadata, not compiled to ASP
    multiple: bool = False  # may be stated more than once (a set of values)
    required: bool = False
    keyed: bool = False
    default: str | None = None  # value compiled when the key is absent (the record is silent)
    children: tuple[Key, ...] = ()

    def child(self, word: str) -> Key | None:
        for k in self.children:
            if k.word == word:
                return k
        return None


# ---------------------------------------------------------------------------------------------
# Keys


def _tri(word: str, pred: str, doc: str, *props: str, default: str | None = "unknown") -> Key:
    return Key(word, doc, props, Form.ENUM, TRI, pred, default=default)


# Case language v2: the keys that state what appellate courts turn on (vocabulary_federal.py)
_V2_KEYS, _V2 = federal_keys(Key)

CASE_KEYS: tuple[Key, ...] = (
    Key("title", "The case's name, e.g. \"United States v. Billings\".", form=Form.STRING),
    Key("cite", "The citation of a real decision this case file records.", form=Form.STRING),
    Key("note", "Free text: what the case is for, where a fact comes from.", form=Form.STRING, multiple=True),
    Key(
        "court",
        "The court deciding the question. Its circuit selects the jurisdiction settings and "
        "which authorities bind.",
        (),
        Form.ENUM,
        COURTS,
        "court",
        required=True,
    ),
    Key(
        "circuit",
        "The circuit of the court (for a district court, the circuit it sits in); compiled from `court` for a court of appeals.",
        (),
        Form.ENUM,
        CIRCUITS,
        "circuit",
    ),
    Key("decided", "The date of decision (YYYY-MM-DD or a year); used with --as-of.", form=Form.DATE),
    Key(
        "posture",
        "How the question reaches the court; several may apply (Mackmore: a motion to compel "
        "and a § 3582(c)(2) reduction).",
        (),
        Form.ENUM,
        POSTURES,
        "posture",
        multiple=True,
        required=True,
    ),
    _tri(
        "raised_below",
        "raised_below",
        "Whether the defendant raised the challenge in the district court: `no` means "
        "forfeited, reviewed for plain error; left unknown, no forfeiture is found and the "
        "ordinary standard applies.",
    ),
    Key(
        "waiver_conduct",
        "Conduct by which the defendant gave up the claim, e.g. refusing to let the court see "
        "his proffers.",
        (),
        Form.ENUM,
        WAIVER,
        "waiver_conduct",
        multiple=True,
    ),
    Key(
        "seeks",
        "What the defendant asks for.",
        (),
        Form.ENUM,
        RELIEF,
        "seeks",
        multiple=True,
    ),
    Key(
        "statutory_minimum",
        "The mandatory minimum: `120 months`, `life`, `none` or `unknown`.",
        (),
        Form.MONTHS,
        None,
        "statutory_minimum",
        default="unknown",
    ),
    Key("guidelines_range", "The guidelines range in months, `168 to 210`.", (), Form.RANGE, None, None),
    Key(
        "amended_range",
        "In a § 3582(c)(2) proceeding: the amended guidelines range, `135 to 168`.",
        (),
        Form.RANGE,
        None,
        None,
    ),
    Key(
        "reduced_range",
        "In a § 3582(c)(2) proceeding: the range after a proportional substantial-assistance "
        "reduction, `112 to 140`.",
        (),
        Form.RANGE,
        None,
        None,
    ),
    Key("sentence", "The sentence imposed, `140 months` or `life`.", (), Form.MONTHS, None, None),
    _tri(
        "safety_valve",
        "safety_valve",
        "Eligibility for the safety valve, 18 U.S.C. § 3553(f): a sentence below the minimum "
        "without a government motion (section 1).",
    ),
    Key(
        "party",
        "A person in the case, by a name of your choosing, and the role they play; "
        "`by` and `stated_by` may then name them.",
        (),
        Form.NAME,
        None,
        None,
        multiple=True,
        keyed=True,
        children=(Key("role", "The party's role.", (), Form.ENUM, ROLES, None, required=True),),
    ),
    Key(
        "motion",
        "A substantial-assistance motion: `§ 3553(e)`, `§ 5K1.1` or `Rule 35(b)`.",
        (),
        Form.ENUM,
        MOTIONS,
        "motion",
        multiple=True,
        keyed=True,
        children=(
            _tri("sought", "motion_sought", "Whether the defendant sought this motion."),
            _tri("filed", "motion_filed", "Whether the government filed it."),
            _tri("granted", "motion_granted", "Whether the court granted it."),
        ),
    ),
    Key(
        "plea_agreement",
        "The plea agreement and what it says about a motion: `none`, `promise_to_move`, "
        "`promise_to_consider`, `sole_discretion`, `good_faith_effort`.",
        (),
        Form.ENUM,
        AGREEMENT_TERMS,
        "plea_agreement",
        default="unknown",
        children=(
            Key(
                "motion",
                "The motion the agreement names (`unspecified` if it names none, as in Mackmore).",
                (),
                Form.ENUM,
                MOTIONS,
                "plea_agreement_motion",
                multiple=True,
            ),
            _tri(
                "condition_met",
                "plea_agreement_condition_met",
                "Whether the condition the agreement sets for the motion was met.",
            ),
            _tri(
                "informed_of_custody_effect",
                "informed_of_custody_effect",
                "Whether, before pleading, the defendant was told that custody would limit "
                "his ability to assist.",
            ),
            _V2["plea_agreement_rejected"],
        ),
    ),
    Key(
        "cooperation_agreement",
        "A cooperation agreement and when it was made: `none`, `before_plea`, `after_plea`.",
        (),
        Form.ENUM,
        COOPERATION_TIMING,
        "cooperation_agreement",
        children=(
            Key("contents", "Whether its contents are in the record.", (), Form.ENUM, CONTENTS, "cooperation_agreement_contents"),
            Key("terms", "What it says about a motion.", (), Form.ENUM, AGREEMENT_TERMS, "cooperation_agreement_terms"),
        ),
    ),
    Key(
        "earlier_offer",
        "An earlier offer by the government of the named motion.",
        (),
        Form.ENUM,
        MOTIONS,
        "earlier_offer",
        multiple=True,
        keyed=True,
        children=(
            _tri("finalized", "earlier_offer_finalized", "Whether the deal was finalized."),
            _tri(
                "conditioned_on_continued_cooperation",
                "earlier_offer_conditioned",
                "Whether the offer was conditioned on continued cooperation (`unknown`: the "
                "record is silent, as in Buffington).",
            ),
            _tri(
                "made_after_reasons_known",
                "earlier_offer_after_reasons_known",
                "Whether the government already knew its later-stated reasons when it made the offer.",
            ),
        ),
    ),
    Key(
        "assistance",
        "The defendant's assistance: `none`, `attempted` or `given`.",
        (),
        Form.ENUM,
        ASSISTANCE,
        "assistance",
        default="unknown",
        children=(
            _tri("good_faith", "assistance_good_faith", "Whether the attempt to help was in good faith."),
            _tri("useful", "assistance_useful", "Whether the information was useful to the government."),
            _tri(
                "substantial",
                "assistance_substantial",
                "Whether the record shows substantial assistance (the government's judgment "
                "call).",
            ),
            Key(
                "led_to",
                "What the assistance produced: `nothing`, `information`, `arrest`, "
                "`prosecution`, `conviction`.",
                (),
                Form.ENUM,
                RESULTS,
                "assistance_led_to",
                multiple=True,
            ),
            _tri("through_third_parties", "assistance_through_third_parties", "Whether others assisted on the defendant's behalf."),
            _tri("after_sentencing", "assistance_after_sentencing", "Whether it was given after sentencing (Rule 35(b))."),
        ),
    ),
    Key(
        "custody",
        "Whether the defendant was in custody while cooperating.",
        (),
        Form.ENUM,
        TRI,
        "custody",
        default="unknown",
        children=(
            Key("began", "When custody began relative to cooperation.", (), Form.ENUM, CUSTODY_BEGAN, "custody_began"),
            _tri(
                "limited_assistance",
                "custody_limited_assistance",
                "Whether custody made the defendant unable to give useful help.",
            ),
            Key(
                "knew_effect",
                "What the defendant knew of custody's effect on cooperation: `yes`, "
                "`some_idea`, `no`, `unknown`.",
                (),
                Form.ENUM,
                KNOWLEDGE,
                "knew_custody_effect",
                default="unknown",
            ),
            _tri(
                "approached_before_charging",
                "approached_before_charging",
                "Whether the government approached him before charging, to cooperate while free.",
            ),
            _tri("absconded", "absconded_before_arrest", "Whether he then disappeared until his arrest."),
        ),
    ),
    Key(
        "government_reason",
        "A reason the government gave for not filing.",
        (),
        Form.ENUM,
        REASONS,
        "government_reason",
        multiple=True,
        keyed=True,
        children=(
            Key(
                "stated_by",
                "Who stated it: a role or a declared party.",
                (),
                Form.PARTY,
                SPEAKERS,
                "government_reason_stated_by",
                default="unknown",
            ),
            _V2["reason_kind"],
            _V2["reason_when"],
            _V2["reason_known"],
            _V2["reason_rebutted"],
            _V2["reason_label"],
        ),
    ),
    Key(
        "government_denies",
        "A reason the government denied relying on, on the record.",
        (),
        Form.ENUM,
        REASONS,
        "government_denies",
        multiple=True,
    ),
    Key(
        "remark",
        "A remark at a hearing, by its topic (a reason word), e.g. `remark family_circumstances`.",
        (),
        Form.ENUM,
        REASONS,
        "remark",
        multiple=True,
        keyed=True,
        children=(
            Key("by", "Who made it: a role or a declared party.", (), Form.PARTY, SPEAKERS, "remark_by", default="unknown"),
            Key("purpose", "What it was for.", (), Form.ENUM, REMARK_PURPOSE, "remark_purpose", default="unknown"),
        ),
    ),
    Key(
        "allegation",
        "A defendant's allegation about the refusal, and what supports it.",
        (),
        Form.ENUM,
        ALLEGATIONS,
        "allegation",
        multiple=True,
        keyed=True,
        children=(
            Key(
                "ground",
                "The reason alleged to lie behind the refusal (a reason word: `race`, `target_fled` ...).",
                (),
                Form.ENUM,
                REASONS,
                "allegation_ground",
                multiple=True,
            ),
            Key(
                "support",
                "What supports it: `nothing`, `assistance_only`, `own_say_so`, `remark`, "
                "`earlier_offer`, `record_evidence`.",
                (),
                Form.ENUM,
                SUPPORT,
                "allegation_support",
                multiple=True,
                default="nothing",
            ),
            _tri(
                "ties_decision_maker",
                "allegation_ties_decision_maker",
                "Whether the support ties the person who decided to the alleged motive.",
            ),
            _tri(
                "rebuts_stated_reasons",
                "allegation_rebuts_stated_reasons",
                "Whether the support rebuts the government's stated reasons.",
            ),
            _tri(
                "proven",
                "allegation_proven",
                "Whether a court found the allegation proven (the district court after discovery or a hearing, "
                "or the court of appeals on the record: \"the government breached\").",
            ),
            Key(
                "motion",
                "The motion(s) the allegation concerns (each must be declared with `motion`).",
                (),
                Form.ENUM,
                MOTIONS,
                "allegation_motion",
                multiple=True,
            ),
            _V2["allegation_preserved"],
            _V2["allegation_failed_to_raise"],
        ),
    ),
    Key(
        "concession",
        "A concession on the record.",
        (),
        Form.ENUM,
        CONCESSIONS,
        "concession",
        multiple=True,
        keyed=True,
        children=(Key("by", "Who conceded: a role or a declared party.", (), Form.PARTY, SPEAKERS, "concession_by", default="unknown"),),
    ),
    Key(
        "allocution",
        "Whether the defendant was allowed to allocute.",
        (),
        Form.ENUM,
        ALLOCUTION,
        "allocution",
        children=(
            _tri(
                "would_have_changed_decision",
                "allocution_would_have_changed_decision",
                "Whether the defendant claims he would have said something that changed the "
                "government's decision.",
            ),
        ),
    ),
    *_V2_KEYS,
    Key("expect", "What the case should come out as (checked by `doctrine test`).", form=Form.EXPECT),
)

KEYS: Mapping[str, Key] = MappingProxyType({k.word: k for k in CASE_KEYS})

# The words of an `expect` block; checked by doctrine.regress.expect, never compiled to ASP.
EXPECT_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "relief": "`available`, `none`, or `depends` (on an unsettled question)",
        "relief_kinds": "the kinds of relief available, e.g. `discovery evidentiary_hearing`",
        "no_relief_kind": "a kind of relief that must not be available",
        "relief_includes": "kinds of relief that must be among those available (others may be too)",
        "below_minimum": "`authorized` or `not_authorized`",
        "holding": "a rule id that must be among the holdings",
        "no_holding": "a rule id that must not be among the holdings",
        "dispositive": "a rule id that must be a dispositive holding",
        "court_reason": "a rule id stating the court's own dispositive reason (measured by --score, not a failure)",
        "alternative": "a rule id that must be an alternative holding",
        "authority": "an authority id relied on (e.g. `wade`)",
        "explains": "a fact (a case-file key) that must appear in the explanation",
        "not_explains": "a fact that must not appear in the explanation",
        "outcome_one_of": "a set of acceptable outcomes (`available`, `none`, `depends`)",
        "in_jurisdiction": "an expectation under a named jurisdiction setting",
        "xfail": "\"reason\": a known disagreement with the court",
    }
)


# Facts the compiler derives from the numbers (doctrine.engine.compile), yes/no/unknown: the one
# list the solver's input universe and the fact space read too.
COMPARISONS: Mapping[str, str] = MappingProxyType(
    {
        "guidelines_range_below_minimum": "yes/no: the guidelines range starts below the statutory minimum.",
        "reduced_range_below_minimum": "yes/no: the reduced range in a § 3582(c)(2) proceeding starts below the minimum.",
        "sentence_at_minimum": "yes/no: the sentence imposed equals the statutory minimum.",
        "sentence_below_minimum": "yes/no: the sentence imposed is below the statutory minimum.",
    }
)


def walk(keys: tuple[Key, ...] = CASE_KEYS) -> list[tuple[Key | None, Key]]:
    """Every (parent, key) pair of the vocabulary, parents first."""
    out: list[tuple[Key | None, Key]] = []
    for k in keys:
        out.append((None, k))
        out.extend((k, c) for c in k.children)
    return out


def input_predicates() -> dict[str, tuple[int, str]]:
    """Each ASP input predicate -> (arity, documentation)."""
    preds: dict[str, tuple[int, str]] = {}
    for parent, key in walk():
        if key.predicate is None:
            continue
        arity = 2 if parent is not None and parent.keyed else 1
        preds[key.predicate] = (arity, key.doc)
    preds.update((pred, (1, doc)) for pred, doc in COMPARISONS.items())
    return preds


def vocabulary_lp() -> str:
    """The text of rules/vocabulary.lp: every input predicate documented and #defined."""
    lines = [
        "%# Vocabulary: the input predicates, one per key of the case language.",
        "% Generated from doctrine/language/vocabulary.py by `python -m doctrine.language.vocabulary`; a test keeps",
        "% the two in sync. Input only: no rule file may derive these.",
        "",
    ]
    for pred, (arity, doc) in input_predicates().items():
        lines.append(f"%* {pred}/{arity}: {doc} *%")
        lines.append(f"#defined {pred}/{arity}.")
    lines.append("")
    lines.append("%* jurisdiction setting: setting(Question, Position), see rules/jurisdictions/ *%")
    lines.append("#defined setting/2.")
    lines.append("%* the decision that settled a question in the jurisdiction: setting_since(Question, Authority) *%")
    lines.append("#defined setting_since/2.")
    lines.append("%* an unsettled question's branch, chosen by the solver: branch(Question, Position) *%")
    lines.append("#defined branch/2.")
    lines.append("%* the procedural bar set aside to reach the merits in the alternative *%")
    lines.append("#defined even_if/1.")
    lines.append("%* an authority not yet decided at the --as-of date *%")
    lines.append("#defined not_yet_decided/1.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(vocabulary_lp(), end="")
