import gc

from klantlint.batch.gc_pause import objects_frozen


def test_objects_are_frozen_inside_the_block_only() -> None:
    assert gc.get_freeze_count() == 0
    kept = [object() for _ in range(10)]
    with objects_frozen():
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_the_callers_own_freeze_is_left_alone() -> None:
    gc.freeze()
    try:
        frozen_before = gc.get_freeze_count()
        with objects_frozen():
            pass
        assert gc.get_freeze_count() == frozen_before
    finally:
        gc.unfreeze()


def test_objects_are_unfrozen_when_the_block_raises() -> None:
    try:
        with objects_frozen():
            raise ValueError("stop")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
