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


def test_survivors_are_frozen_on_request_until_the_block_ends() -> None:
    with objects_frozen() as freeze_survivors:
        frozen = gc.get_freeze_count()
        survivors = [[number] for number in range(100)]
        freeze_survivors()
        assert gc.get_freeze_count() >= frozen + len(survivors)
    assert gc.get_freeze_count() == 0


def test_inside_the_callers_own_freeze_survivors_are_left_alone() -> None:
    gc.freeze()
    try:
        with objects_frozen() as freeze_survivors:
            frozen = gc.get_freeze_count()
            survivors = [[number] for number in range(100)]
            freeze_survivors()
            assert gc.get_freeze_count() == frozen
        assert survivors
    finally:
        gc.unfreeze()
