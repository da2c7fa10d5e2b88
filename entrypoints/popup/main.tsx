import { render } from 'preact';
import { createConnector } from '@/lib/connectors/connector';
import { App } from './App';
import '@/components/theme/base.css';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element');
render(<App connector={createConnector()} />, root);
