import type { BuildAvailabilityMessage } from '../src/shared/protocol';

/** What the button asks the host for. */
export interface BuildButtonEvents {
  build(documentUri: string): void;
  cancel(): void;
  /** Says why the button does nothing (a click on it while it is unavailable). */
  status(text: string): void;
}

/**
 * The toolbar's Build button: builds the shown document with the view's target and build args; while that build
 * runs it is Cancel; where building is not possible (an untrusted workspace, a file not on disk, another build
 * running) it is marked unavailable, with the reason as its hover and said on a click. It stays focusable then
 * (`aria-disabled`, not `disabled`), so the reason can be read.
 */
export class BuildButton {
  readonly element: HTMLButtonElement;
  private availability: BuildAvailabilityMessage | null = null;
  private documentUri: string | null = null;

  constructor(private readonly events: BuildButtonEvents) {
    this.element = document.createElement('button');
    this.element.type = 'button';
    this.element.className = 'build-button';
    this.element.addEventListener('click', () => this.click());
    this.render();
  }

  /** The document the view shows (null: none). */
  setDocument(documentUri: string | null): void {
    this.documentUri = documentUri;
    this.render();
  }

  /** What the host says about building the shown document. */
  setAvailability(message: BuildAvailabilityMessage): void {
    this.availability = message;
    this.render();
  }

  private current(): BuildAvailabilityMessage | null {
    return this.availability !== null && this.availability.documentUri === this.documentUri ? this.availability : null;
  }

  private click(): void {
    const availability = this.current();
    if (!availability || this.documentUri === null) return;
    if (availability.state === 'building') this.events.cancel();
    else if (availability.state === 'ready') this.events.build(this.documentUri);
    else this.events.status(availability.reason ?? 'This Dockerfile cannot be built from here.');
  }

  private render(): void {
    const availability = this.current();
    const building = availability?.state === 'building';
    const unavailable = availability === null || availability.state === 'unavailable';
    this.element.hidden = this.documentUri === null;
    this.element.textContent = building ? '■ Cancel' : '▶ Build';
    this.element.setAttribute('aria-disabled', String(unavailable));
    this.element.classList.toggle('building', building);
    this.element.title = building
      ? 'Cancel the build of this Dockerfile'
      : unavailable
        ? (availability?.reason ?? 'Building is not available')
        : 'Build this Dockerfile with the target and build args chosen here (stageflow.build.command, --progress=plain)';
  }
}
