import check from '../../shell/checks/tls-verification-disabled.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
