package dev.initlab.cli;

/** A command that can tell, before it starts, how many SGD steps it will run in total. */
interface PlannedWork {

    /** Total SGD steps of the command; 0 when its options are invalid (it will then fail on its own). */
    long plannedSteps();
}
