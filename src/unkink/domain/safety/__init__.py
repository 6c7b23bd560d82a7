"""Safety: screening rules, urgency, precautions, pain stops, referral, gate, cracks."""
