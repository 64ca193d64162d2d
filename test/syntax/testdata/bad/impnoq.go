package p
import fmt
