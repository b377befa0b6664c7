import { greeting } from './greeting.js';

const heading = document.querySelector('#greeting');
const input = document.querySelector('#name');
const show = () => {
  heading.textContent = greeting(input.value);
};
input.addEventListener('input', show);
show();
