import check from '../../shell/checks/npm-install-instead-of-ci.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
