// Module SartorRTDB.
