"""Event coding: who did what to whom (PLOVER type/mode/context, CAMEO, Goldstein), with
evidence spans and auxiliary modes. The stage factory is ``newsgraph.events.stage:make_stage``."""
