/**
 * Cases: joint verification on parity. Blind dual assessment of every incident, joint findings or recorded
 * dissent, publication with every contingent's approval, allegations from the parties matched to incidents and
 * coverage, and the desk (work queue, locks, audit trail). Pure: no I/O, time from an injected
 * {@link java.time.InstantSource}, randomness from seeds; contingents and parties are data.
 *
 * <h2>What an HTTP layer calls</h2>
 * Authenticate to a {@link org.truce.cases.Principal}, then for every endpoint call the one method below; each asks
 * {@link org.truce.cases.Authorization} itself and throws {@link org.truce.cases.Refusal} (kind → 403/404/409/422).
 * <table>
 *   <caption>endpoint → action → call</caption>
 *   <tr><td>GET /cases/{id}</td><td>VIEW_CASE</td><td>{@code Casework.view}</td></tr>
 *   <tr><td>GET /cases</td><td>LIST_CASES</td><td>{@code Casework.list}</td></tr>
 *   <tr><td>POST /cases</td><td>OPEN_CASE</td><td>{@code Casework.open(Principal, Incident)}</td></tr>
 *   <tr><td>POST /cases/{id}/assessment</td><td>SUBMIT_ASSESSMENT</td><td>{@code Casework.submit}</td></tr>
 *   <tr><td>POST /cases/{id}/comments</td><td>COMMENT</td><td>{@code Casework.comment}</td></tr>
 *   <tr><td>POST /cases/{id}/proposal</td><td>PROPOSE_FINDING</td><td>{@code Casework.propose}</td></tr>
 *   <tr><td>POST /cases/{id}/proposal/accept</td><td>ACCEPT_FINDING</td><td>{@code Casework.accept}</td></tr>
 *   <tr><td>POST /cases/{id}/dissent</td><td>RECORD_DISSENT</td><td>{@code Casework.dissent}</td></tr>
 *   <tr><td>POST /cases/{id}/approval</td><td>APPROVE_PUBLICATION</td><td>{@code Casework.approve}</td></tr>
 *   <tr><td>POST /cases/{id}/publish</td><td>PUBLISH</td><td>{@code Casework.publish}</td></tr>
 *   <tr><td>PUT/DELETE /cases/{id}/lock</td><td>ACQUIRE_LOCK / RELEASE_LOCK</td><td>{@code Casework.lock / unlock}</td></tr>
 *   <tr><td>GET /desk/{contingent}</td><td>VIEW_QUEUE</td><td>{@code Casework.queue}</td></tr>
 *   <tr><td>POST /cases/deadlines</td><td>APPLY_DEADLINES</td><td>{@code Casework.settleDeadlines(Principal)}</td></tr>
 *   <tr><td>PUT /roster/{contingent}</td><td>SET_ROSTER</td><td>{@code ShiftRosters.setPart}, {@code activate}</td></tr>
 *   <tr><td>GET /roster</td><td>VIEW_ROSTER</td><td>{@code ShiftRosters.active}</td></tr>
 *   <tr><td>POST /allegations</td><td>FILE_ALLEGATION</td><td>{@code AllegationDesk.file}</td></tr>
 *   <tr><td>GET /allegations/{id}</td><td>VIEW_ALLEGATION</td><td>{@code AllegationDesk.view}</td></tr>
 *   <tr><td>POST /allegations/review</td><td>REVIEW_ALLEGATIONS</td><td>{@code AllegationDesk.review}</td></tr>
 *   <tr><td>GET /parties/{party}/notifications</td><td>VIEW_NOTIFICATIONS</td><td>{@code AllegationDesk.notifications}</td></tr>
 *   <tr><td>GET /audit</td><td>VIEW_AUDIT</td><td>{@code Authorization.decide} then {@code AuditLog.entries}</td></tr>
 * </table>
 * Every other channel that shows a case (search, exports, live feed, map) passes it through
 * {@link org.truce.cases.Visibility#redact} and emits only the {@link org.truce.cases.CaseView}.
 */
package org.truce.cases;
