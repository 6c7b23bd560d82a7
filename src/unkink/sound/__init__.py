"""Soft chimes made from code (CC0): a step change, "switch sides" and "done".

``chimes`` synthesises them (pure); ``playback`` plays one through the first audio player
found, or rings the terminal bell.
"""

from unkink.sound.chimes import Chime, UnknownChime, chime_wav, wav_named

__all__ = ["Chime", "UnknownChime", "chime_wav", "wav_named"]
