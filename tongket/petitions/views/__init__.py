"""Screens of the petitions module, by workflow stage. Thin: parse, call one service or
selector, render."""
