"""gridnote.output.privacy: phone and ID numbers masked."""

from __future__ import annotations

from gridnote.output.privacy import mask_id, mask_phone


def test_masks() -> None:
    assert mask_phone("13857112345") == "138****2345"
    # a landline keeps its area code (the city) and its last four digits
    assert mask_phone("0571-88886666") == "0571-****6666" and mask_phone("057188886666") == "0571****6666"
    assert mask_phone("010-12345678") == "010-****5678" and mask_phone("01012345678") == "010****5678"
    assert mask_phone("021 5555 6666") == "021 **** 6666" and mask_phone("0571-8888666") == "0571-***8666"
    assert mask_phone("88886666") == "88****66" and mask_phone("123456") == "******"
    assert mask_id("11010119440312002X") == "110101********002X"
    assert mask_phone("") == "" and mask_id(None) == ""
