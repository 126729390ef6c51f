import {Component, type ReactNode} from 'react';

/**
 * Catches a render error anywhere below it, so the user never sees Ink's stack-trace box:
 * it reports the error (the CLI logs it, restores the terminal and prints one line) and
 * renders nothing.
 */
export class ErrorBoundary extends Component<{children: ReactNode; onError: (error: unknown) => void}, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}
