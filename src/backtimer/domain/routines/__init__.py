"""Moves and routines: the move model and catalogue, the routine format and its editing,
the ladders a dose grows by, the timeline a routine compiles to, and routines put into
words, searched, made gentler for a sore day. Imports only `parsing`."""
