"""Safety services on real databases: the gate, dated precautions, pain stops, referral."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import insert

from tests.fakes import ManualWallClock
from unkink.bootstrap import App
from unkink.domain.safety import gate as gate_texts
from unkink.domain.safety.pain import PainAction, PainReport
from unkink.domain.safety.precautions import Mark, parse_condition
from unkink.domain.safety.referral import ReferralReason
from unkink.services import safety
from unkink.storage.tables import exercise_feedback, ratings, routines, sessions
from unkink.storage.unit_of_work import SqlUnitOfWork


def screen_and_save(app: App, **answers: object) -> None:
    safety.acknowledge_intended_use(uow=app.uow, now=app.now())
    safety.save_screening(uow=app.uow, answers=answers, now=app.now(), source="file")


def gate(app: App) -> safety.Gate:
    return safety.check_gate(uow=app.uow, today=app.today())


def test_a_new_user_is_asked_to_read_the_intended_use_first(db_app: App) -> None:
    g = gate(db_app)
    assert not g.allowed
    assert g.reason == gate_texts.NO_ACK
    assert "unkink check" in g.next_step
    assert safety.needs_intended_use(uow=db_app.uow)


def test_acknowledged_but_not_screened_is_blocked(db_app: App) -> None:
    safety.acknowledge_intended_use(uow=db_app.uow, now=db_app.now())
    assert not safety.needs_intended_use(uow=db_app.uow)
    g = gate(db_app)
    assert not g.allowed and g.reason == gate_texts.NO_SCREENING


def test_self_care_screening_opens_the_gate(db_app: App) -> None:
    screen_and_save(db_app, age=40)
    g = gate(db_app)
    assert g.allowed and not g.gentle_only


def test_emergency_screening_blocks_until_a_new_screening(db_app: App) -> None:
    screen_and_save(db_app, saddle_numbness=True)
    g = gate(db_app)
    assert not g.allowed
    assert "emergency" in g.reason
    screen_and_save(db_app, age=40)
    assert gate(db_app).allowed


def test_see_doctor_soon_blocks_but_s8_alone_allows_gentle_movement(db_app: App) -> None:
    screen_and_save(db_app, unexplained_weight_loss=True)
    assert not gate(db_app).allowed
    screen_and_save(db_app, duration_days=60)
    g = gate(db_app)
    assert g.allowed and g.gentle_only


def test_screening_expires_after_30_days(db_app: App, wall_clock: ManualWallClock) -> None:
    screen_and_save(db_app, age=40)
    wall_clock.tick(days=30)
    assert gate(db_app).allowed
    wall_clock.tick(days=1)
    g = gate(db_app)
    assert not g.allowed and "31 days" in g.reason


def test_a_pain_stop_closes_the_gate_until_screened_again(
    db_app: App, wall_clock: ManualWallClock
) -> None:
    screen_and_save(db_app, age=40)
    wall_clock.tick(minutes=5)
    small = safety.record_pain(uow=db_app.uow, report=PainReport(score=4), now=db_app.now())
    assert small.action is PainAction.CARRY_ON_SMALLER
    assert gate(db_app).allowed
    stop = safety.record_pain(
        uow=db_app.uow,
        report=PainReport(score=2, spreads_down_leg=True),
        now=db_app.now(),
        exercise_id="bridge",
    )
    assert stop.action is PainAction.STOP_SESSION_AND_RESCREEN
    g = gate(db_app)
    assert not g.allowed and g.reason == gate_texts.PAIN_STOP
    wall_clock.tick(minutes=5)
    screen_and_save(db_app, age=40)
    assert gate(db_app).allowed


def test_recorded_conditions_expire_by_themselves(db_app: App, wall_clock: ManualWallClock) -> None:
    safety.add_conditions(
        uow=db_app.uow,
        conditions=[
            parse_condition({"code": "pregnancy", "weeks": 12}),
            parse_condition({"code": "abdominal_surgery", "weeks_since": 5}),
        ],
        now=db_app.now(),
    )
    now = safety.current_precautions(uow=db_app.uow, today=db_app.today())
    assert now.mark_for("prone_extension") is Mark.MUST_NOT  # abdominal surgery < 6 weeks
    assert now.mark_for("knee_to_chest") is Mark.MODIFY
    wall_clock.tick(days=7)
    later = safety.current_precautions(uow=db_app.uow, today=db_app.today())
    assert later.mark_for("prone_extension") is Mark.MUST_NOT  # now pregnancy 13 weeks
    assert later.mark_for("kneeling_extension") is Mark.MODIFY
    assert "bump" in (later.modification_for("kneeling_extension") or "")
    assert "belly onto your thighs" not in (later.modification_for("kneeling_extension") or "")


def test_a_condition_entered_again_replaces_the_old_entry(db_app: App) -> None:
    for weeks in (10, 30):
        condition = parse_condition({"code": "pregnancy", "weeks": weeks})
        safety.add_conditions(uow=db_app.uow, conditions=[condition], now=db_app.now())
    active = safety.active_conditions(uow=db_app.uow, today=db_app.today())
    assert [c.weeks for c in active] == [30]
    assert safety.end_conditions(uow=db_app.uow, today=db_app.today()) == 1
    assert safety.active_conditions(uow=db_app.uow, today=db_app.today()) == []


def _session(app: App, uow: object, started: datetime) -> int:
    conn = uow.connection  # type: ignore[attr-defined]
    routine = conn.execute(
        insert(routines).values(
            profile_id=1,
            created_at=started,
            area="low_back",
            place="floor",
            minutes_requested=10,
            total_s=600,
            plan={},
        )
    ).inserted_primary_key[0]
    return int(
        conn.execute(
            insert(sessions).values(
                profile_id=1, routine_id=routine, started_at=started, status="completed"
            )
        ).inserted_primary_key[0]
    )


def test_referral_after_six_weeks_without_improvement(db_app: App) -> None:
    start = datetime(2026, 1, 1, 8, 0)
    with SqlUnitOfWork(db_app.engine) as uow:  # raw SQL seeding; the adapter under test reads
        uow.ensure_profile(now=start)
        for day in range(0, 50, 2):
            when = start + timedelta(days=day)
            sid = _session(db_app, uow, when)
            uow.connection.execute(
                insert(ratings).values(
                    session_id=sid, moment="before", pain=5, stiffness=6, recorded_at=when
                )
            )
        uow.commit()
    found = safety.referral(uow=db_app.uow)
    assert found is not None
    assert found.reasons == (ReferralReason.NO_IMPROVEMENT,)
    assert "physiotherapist" in found.message


def test_next_day_rule_reads_stored_feedback(db_app: App) -> None:
    start = datetime(2026, 1, 1, 8, 0)
    with SqlUnitOfWork(db_app.engine) as uow:  # raw SQL seeding; the adapter under test reads
        uow.ensure_profile(now=start)
        for day, worse in enumerate([True, False, True]):
            sid = _session(db_app, uow, start + timedelta(days=day))
            uow.connection.execute(
                insert(exercise_feedback).values(
                    session_id=sid,
                    exercise_id="bridge",
                    worse_next_morning=worse,
                    recorded_at=start + timedelta(days=day + 1),
                )
            )
        uow.commit()
    decisions = safety.next_day_decisions(uow=db_app.uow)
    found = safety.referral(uow=db_app.uow)
    assert decisions["bridge"].suggest_physio
    assert found is not None and found.dropped_exercises == ("bridge",)


def test_crack_log_status_over_the_last_30_days(db_app: App, wall_clock: ManualWallClock) -> None:
    day0 = date(2026, 3, 2)
    for d in (0, 3):
        for hour in (8, 11, 14):
            at = datetime.combine(day0 + timedelta(days=d), datetime.min.time()).replace(hour=hour)
            safety.log_crack(uow=db_app.uow, at=at, now=at, where="lower", relief=4)
    wall_clock.set(datetime(2026, 3, 6, 9, 0))
    report = safety.crack_report(uow=db_app.uow, today=db_app.today())
    assert report.status == "repetitive_stress"
    wall_clock.set(datetime(2026, 4, 10, 9, 0))
    assert safety.crack_report(uow=db_app.uow, today=db_app.today()).status == "fine"


def test_a_pain_stop_for_dizziness_in_pregnancy_says_to_roll_onto_the_side(db_app: App) -> None:
    """§5: dizziness in pregnancy on the back -> change position. The player does not know
    the person is pregnant, so the service fills it in from the screening or the profile."""
    from unkink.domain.safety.pain import PREGNANT_DIZZY_TEXT

    screen_and_save(db_app, pregnant=True, pregnancy_weeks=30)
    decision = safety.record_pain(
        uow=db_app.uow, report=PainReport(score=1, dizziness_or_faint=True), now=db_app.now()
    )
    assert PREGNANT_DIZZY_TEXT in decision.message
    screen_and_save(db_app, age=30)
    safety.add_conditions(
        uow=db_app.uow,
        conditions=[parse_condition({"code": "pregnancy", "weeks": 20})],
        now=db_app.now(),
    )
    decision = safety.record_pain(
        uow=db_app.uow, report=PainReport(score=1, dizziness_or_faint=True), now=db_app.now()
    )
    assert PREGNANT_DIZZY_TEXT in decision.message


def test_two_entries_with_one_code_in_one_profile_are_both_kept(db_app: App) -> None:
    """Two hip replacements (one posterior, one anterior): the stricter row must stay, as it
    does for ``unkink precautions --profile``; a later ``--add`` still replaces the code."""
    entries = [
        {"code": "hip_replacement", "weeks_since": 4, "approach": "posterior"},
        {"code": "hip_replacement", "weeks_since": 2, "approach": "anterior"},
    ]
    safety.add_conditions(
        uow=db_app.uow, conditions=[parse_condition(e) for e in entries], now=db_app.now()
    )
    assert len(safety.active_conditions(uow=db_app.uow, today=db_app.today())) == 2
    p = safety.current_precautions(uow=db_app.uow, today=db_app.today())
    assert p.mark_for("knee_to_chest") is Mark.MUST_NOT
    safety.add_conditions(
        uow=db_app.uow, conditions=[parse_condition({"code": "hip_replacement"})], now=db_app.now()
    )
    assert len(safety.active_conditions(uow=db_app.uow, today=db_app.today())) == 1


def test_pregnancy_told_to_the_screening_rules_out_lying_on_the_belly(
    db_app: App, wall_clock: ManualWallClock
) -> None:
    screen_and_save(db_app, pregnant=True, pregnancy_weeks=20)
    now = safety.current_precautions(uow=db_app.uow, today=db_app.today())
    assert now.mark_for("prone_extension") is Mark.MUST_NOT  # 13-27 weeks row
    assert now.mark_for("bridge") is Mark.MODIFY
    wall_clock.tick(days=8 * 7)  # 28 weeks now: knee to chest is out too
    later = safety.current_precautions(uow=db_app.uow, today=db_app.today())
    assert later.mark_for("knee_to_chest") is Mark.MUST_NOT


def test_a_new_screening_without_the_condition_lifts_its_precautions(db_app: App) -> None:
    screen_and_save(db_app, osteoporosis_known=True)
    assert (
        safety.current_precautions(uow=db_app.uow, today=db_app.today()).mark_for("cat_camel")
        is Mark.MODIFY
    )
    screen_and_save(db_app)
    assert (
        safety.current_precautions(uow=db_app.uow, today=db_app.today()).mark_for("cat_camel")
        is Mark.OFFER
    )
