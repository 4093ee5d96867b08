/** Every action_id, callback_id and block_id the app uses, in one place. */
export const IDS = {
  slotsModal: {
    callback: 'slots_add_modal',
    monthBlock: 'slots_month',
    monthAction: 'month',
    entriesBlock: 'slots_entries',
    entriesAction: 'entries',
    previewBlock: 'slots_preview',
  },
  consultModal: {
    callback: 'consult_modal',
  },
  /** Shortcut callback_ids, as in manifest.yml's features.shortcuts. */
  shortcuts: {
    consultFromMessage: 'consult_from_message',
    addSlots: 'add_slots',
  },
  /** Workflow Builder step callback_ids, as in manifest.yml's functions. */
  functions: {
    registerSlots: 'register_slots',
    openConsultation: 'open_consultation',
    markWriteupSent: 'mark_writeup_sent',
    announceStudy: 'announce_study',
  },
  actions: {
    openSlotsModal: 'open_slots_modal',
    setAway: 'set_away',
    unsetAway: 'unset_away',
    writeupDone: 'writeup_done',
    resolveConsultation: 'resolve_consultation',
    sessionAskPeers: 'session_ask_peers',
    sessionCover: 'session_cover',
    coverTake: 'cover_take',
  },
} as const;
