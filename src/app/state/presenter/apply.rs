//! The presenter's reducer: the one place classroom actions change the
//! state, and the questions the classroom views ask of it. Anything that
//! changes the conversation goes through the app's own actions, so
//! presenter mode and normal mode play by the same rules.

use super::PresenterAction;
use super::discussion::Discussion;
use super::room::RoomStatus;
use super::walkthrough::{Page, clamp_page, pages};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;

impl AppState {
    /// Applies one classroom action. Called only from [`AppState::apply`].
    pub(in crate::app::state) fn apply_presenter(&mut self, action: PresenterAction) {
        use PresenterAction as P;
        match action {
            P::Toggle => {
                self.presenter.active = !self.presenter.active;
                self.presenter.discussion = None;
                self.presenter.page = 0;
                self.presenter.pending_branch = None;
                // Room votes end with presenter mode.
                self.presenter.room.on = false;
                self.presenter.room.intro = false;
                self.presenter.room.status = RoomStatus::Off;
            }
            P::SetTheme(theme) => self.presenter.theme = theme,
            P::ToggleTrust => self.presenter.show_trust = !self.presenter.show_trust,
            P::ToggleNotes => self.presenter.show_notes = !self.presenter.show_notes,
            P::Next => self.presenter_next(),
            P::Back => self.presenter_back(),
            P::OpenDiscussion => self.open_discussion(),
            P::CloseDiscussion => self.presenter.discussion = None,
            P::Vote(position) => self.with_discussion(|d| {
                d.vote(position);
                d.asked = false;
            }),
            P::ResetVotes => {
                let round = self.presenter.rounds + 1;
                if self.current_discussion().is_some() {
                    self.presenter.rounds = round;
                }
                self.with_discussion(|d| d.reset_votes(round));
            }
            P::ToggleReveal => self.with_discussion(|d| d.revealed = !d.revealed),
            P::Select(position) => self.with_discussion(|d| {
                d.select(position);
                d.asked = false;
            }),
            P::MoveSelection(delta) => self.with_discussion(|d| {
                d.move_selection(delta);
                d.asked = false;
            }),
            P::Commit => self.commit_discussion(),
            P::OpenWalkthrough => {
                self.apply(Action::OpenDebrief);
                self.presenter.page = 0;
            }
            P::Page(page) => self.presenter.page = clamp_page(page, self.page_count()),
            P::AskBranch(turn) => {
                let turns = self.review.as_ref().map_or(0, |r| r.debrief.turns.len());
                if self.screen == Screen::Debrief && turn < turns {
                    self.presenter.pending_branch = Some(turn);
                }
            }
            P::ConfirmBranch => {
                if let Some(turn) = self.presenter.pending_branch.take() {
                    self.apply(Action::TryAgainFrom(turn));
                }
            }
            P::CancelBranch => self.presenter.pending_branch = None,
            P::PlayInstead { turn, option } => {
                self.apply(Action::TryAgainFrom(turn));
                self.apply(Action::Choose(option));
                self.presenter.discussion = None;
            }
            P::RoomVotes
            | P::ConfirmRoomVotes
            | P::CancelRoomVotes
            | P::RoomStarted { .. }
            | P::RoomFailed(_)
            | P::RoomTally(_) => self.apply_room(action),
        }
    }

    fn apply_room(&mut self, action: PresenterAction) {
        use PresenterAction as P;
        let room = &mut self.presenter.room;
        match action {
            P::RoomVotes if room.on => {
                room.on = false;
                room.status = RoomStatus::Off;
            }
            P::RoomVotes if !self.presenter.active => {}
            P::RoomVotes if !room.explained => room.intro = true,
            P::RoomVotes | P::ConfirmRoomVotes => {
                room.intro = false;
                room.explained = true;
                room.on = self.presenter.active;
                room.status = RoomStatus::Off;
            }
            P::CancelRoomVotes => room.intro = false,
            P::RoomStarted { url, code } if room.on => {
                let qr = crate::room::qr_modules(&url);
                room.status = RoomStatus::Running { url, code, qr };
                room.devices = 0;
            }
            P::RoomFailed(reason) => {
                room.on = false;
                room.status = RoomStatus::Failed(reason);
            }
            P::RoomTally(tally) => {
                room.devices = tally.devices;
                if let Some(d) = self.presenter.discussion.as_mut() {
                    d.set_phones(tally.decision, &tally.votes);
                }
            }
            _ => {}
        }
    }

    /// The open discussion, if it still belongs to the current decision.
    pub fn current_discussion(&self) -> Option<&Discussion> {
        let active = self.active.as_ref()?;
        self.presenter
            .discussion
            .as_ref()
            .filter(|d| d.is_for(&active.session.conversation))
    }

    /// How many walkthrough pages the current debrief has.
    pub fn page_count(&self) -> usize {
        let Some(review) = &self.review else {
            return 0;
        };
        let compared = self.branches.comparable(&review.conversation).is_some();
        pages(&review.debrief, compared).len()
    }

    /// The page of the walkthrough being shown, if a debrief is open.
    pub fn current_page(&self) -> Option<Page> {
        let review = self.review.as_ref()?;
        let compared = self.branches.comparable(&review.conversation).is_some();
        let pages = pages(&review.debrief, compared);
        pages
            .get(clamp_page(self.presenter.page, pages.len()))
            .copied()
    }

    /// The turn (0-based) the walkthrough is showing, if it is on a turn
    /// page.
    pub fn walkthrough_turn(&self) -> Option<usize> {
        match self.current_page()? {
            Page::Turn(i) => Some(i),
            _ => None,
        }
    }

    fn with_discussion(&mut self, change: impl FnOnce(&mut Discussion)) {
        let fresh = self.current_discussion().is_some();
        if let (true, Some(d)) = (fresh, self.presenter.discussion.as_mut()) {
            change(d);
        }
    }

    fn is_finished(&self) -> bool {
        self.active_scenario()
            .is_some_and(|(a, s)| a.session.conversation.is_finished(s))
    }

    fn open_discussion(&mut self) {
        if self.screen != Screen::Conversation || self.is_finished() {
            return;
        }
        if let Some(active) = &self.active {
            self.presenter.rounds += 1;
            let round = self.presenter.rounds;
            self.presenter.discussion = Some(Discussion::new(&active.session.conversation, round));
        }
    }

    /// Says the room's choice; with no votes and no mark, asks for one.
    fn commit_discussion(&mut self) {
        let Some(position) = self.current_discussion().and_then(Discussion::choice) else {
            self.with_discussion(|d| d.asked = true);
            return;
        };
        let Some(option) = self.active_scenario().and_then(|(a, s)| {
            a.session
                .conversation
                .options(s)
                .get(position)
                .map(|c| c.id.clone())
        }) else {
            return;
        };
        self.presenter.discussion = None;
        self.apply(Action::Choose(option));
    }

    fn presenter_next(&mut self) {
        match self.screen {
            Screen::Briefing => {
                if let Some(card) = self.briefing {
                    self.apply(Action::Start(card));
                }
            }
            Screen::Conversation => {
                if self.is_finished() {
                    self.apply_presenter(PresenterAction::OpenWalkthrough);
                } else {
                    match self.current_discussion().map(|d| d.revealed) {
                        None => self.open_discussion(),
                        Some(false) => self.apply_presenter(PresenterAction::ToggleReveal),
                        Some(true) => self.commit_discussion(),
                    }
                }
            }
            Screen::Debrief => {
                let page = self.presenter.page + 1;
                self.presenter.page = clamp_page(page, self.page_count());
            }
            _ => {}
        }
    }

    fn presenter_back(&mut self) {
        match self.screen {
            Screen::Briefing => self.apply(Action::Navigate(Screen::Library)),
            Screen::Conversation => match self.current_discussion().map(|d| d.revealed) {
                Some(true) => self.apply_presenter(PresenterAction::ToggleReveal),
                Some(false) => self.presenter.discussion = None,
                None => self.apply(Action::Undo),
            },
            Screen::Debrief => {
                if self.presenter.page == 0 {
                    self.apply(Action::Navigate(Screen::Conversation));
                } else {
                    self.presenter.page -= 1;
                }
            }
            _ => {}
        }
    }
}
